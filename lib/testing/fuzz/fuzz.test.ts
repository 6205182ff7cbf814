import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Operation } from "@/lib/http/operation";
import { allOperations } from "@/lib/openapi/all-operations";
import { createTestUser, unique } from "@/lib/testing/fixtures";
import { createTenant } from "@/lib/tenancy/create-tenant";
import { errorShapeProblem } from "./check-response";
import { databaseChecksum } from "./db-checksum";
import { generateRequest, rng } from "./generate";
import { handlerFor, type RouteModule } from "./route-table";

// npm run test:fuzz runs 10,000 requests; the regular suite a smaller count. FUZZ_SEED replays a run.
const COUNT = Number(process.env.FUZZ_REQUESTS || 1500);
const SEED = Number(process.env.FUZZ_SEED || Date.now() % 1e9);
const modules = import.meta.glob<RouteModule>(["/app/**/route.ts", "!/app/api/auth/**"], { eager: true });

describe(`fuzzing every operation (${COUNT} requests, seed ${SEED})`, () => {
  it("finds a handler for every operation in the OpenAPI document", () => {
    const missing = allOperations
      .filter((op) => op.path !== "/api/openapi.json" && !handlerFor(op, modules))
      .map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  it(
    "refuses every certainly-invalid request with a 4xx in the dialect's shape and writes nothing; never answers ≥ 500",
    async () => {
      process.env.PORTICO_RATE_LIMITS = "off";
      const db = await getDb();
      const admin = await createTestUser({ role: "admin" });
      const tokens = [admin.token, (await createTestUser()).token, (await createTestUser({ role: "support" })).token];
      // A real tenant, so X-Tenant is sometimes right and the /v1/ handlers are reached (the admin acts as its csp).
      const tenant = await createTenant(
        { db, actor: admin.actor, correlationId: unique("fuzz") },
        { domain: `${unique("fuzz")}.example.test`, name: unique("Fuzz tenant") },
      );
      const ops = allOperations.filter((op) => handlerFor(op, modules));
      const r = rng(SEED);
      const requests = Array.from({ length: COUNT }, (_, i) =>
        generateRequest(ops[i % ops.length], r, tokens, { "X-Tenant": [tenant.domain] }),
      );
      // Certainly-invalid requests first, under a checksum; then the type-correct hostile ones (XSS, SQL,
      // unicode in valid fields), which may legitimately be stored but must never break the server.
      const phases = [requests.filter((q) => q.invalid), requests.filter((q) => !q.invalid)];
      const byStatus: Record<number, number> = {};
      const failures: string[] = [];
      let checksums: [Record<string, string>, Record<string, string>] | undefined;
      for (const [phase, list] of phases.entries()) {
        const before = phase === 0 ? await databaseChecksum(db) : undefined;
        for (const fr of list) {
          const op: Operation = fr.op;
          const req = new Request(`http://portico.test${fr.path}`, {
            method: fr.method,
            headers: fr.headers,
            body: fr.body,
          });
          const res = await handlerFor(op, modules)!(req, { params: Promise.resolve(fr.params) });
          byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
          const text = await res.text();
          const where = `${fr.method} ${fr.path.slice(0, 120)} (${fr.note})`;
          if (res.status >= 500) failures.push(`${res.status} ${where}: ${text.slice(0, 200)}`);
          else if (res.status >= 400) {
            let body: unknown;
            try {
              body = JSON.parse(text);
            } catch {
              body = undefined;
            }
            const problem = errorShapeProblem(op.dialect.name, res.status, body, fr.headers["x-correlation-id"]);
            if (problem) failures.push(`${res.status} ${where}: ${problem}: ${text.slice(0, 200)}`);
          } else if (fr.invalid) failures.push(`${res.status} ${where}: an invalid request was accepted`);
          if (res.headers.get("x-correlation-id") !== fr.headers["x-correlation-id"])
            failures.push(`${where}: X-Correlation-Id not echoed`);
        }
        if (before) checksums = [before, await databaseChecksum(db)];
      }
      console.log(
        `fuzz: ${COUNT} requests (${phases[0].length} certainly invalid) over ${ops.length} operations, seed ${SEED}; statuses ${JSON.stringify(byStatus)}; ${failures.length} failures`,
      );
      expect(failures.slice(0, 20)).toEqual([]);
      expect(checksums![1]).toEqual(checksums![0]);
    },
    60_000 + COUNT * 30,
  );
});
