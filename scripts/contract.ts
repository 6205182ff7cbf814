// The Waldur schema contract, end to end: the built server (`scripts/server.mjs`, as `npm start` runs it) answers every Waldur operation
// Portico serves — seed 001's flow first, then every list, filter, action and error — and each answer is
// checked against Waldur's published schema (../shared/clients/waldur-openapi.yaml): the status among those
// the operation declares, the body against the declared schema, X-Result-Count and Link on lists, and every
// request the contract sends against what Waldur's clients may send. It runs twice: with
// PORTICO_WALDUR_SUCCESS_CODES=waldur every answer must validate; with the default only the seed differences
// listed in lib/dialects/waldur/seed-differences.ts may differ, and each of them must show.
//
//   node --import tsx scripts/contract.ts          (needs a build: `npm run build` or `npm start`)
//   CONTRACT_MODES=waldur|seed                      (default: both) · DATABASE_URL: on a scratch PostgreSQL database
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/scratch-database";
import { SEED_DIFFERENCES, PORTICO_ONLY_OPERATIONS, type WaldurAnswers } from "../lib/dialects/waldur/seed-differences";
import { allOperations } from "../lib/openapi/all-operations";
import { ContractClient, ContractFailure, type Outcome } from "../lib/testing/contract/client";
import { contractSuites, seed001 } from "../lib/testing/contract/suites";
import { WaldurSchema } from "../lib/testing/contract/waldur-schema";
import { freePort, startNodeGroup, stopGroup, type GroupChild } from "./lib/process-group";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverScript = path.join(root, "scripts", "server.mjs"); // what `npm start` runs
const modes = (process.env.CONTRACT_MODES || "waldur,seed").split(",").map((m) => m.trim()) as WaldurAnswers[];

async function startServer(port: number, env: Record<string, string>, log: string): Promise<GroupChild> {
  const server = startNodeGroup([serverScript], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    log,
  });
  let dead = false;
  void server.exited.then(() => (dead = true));
  const until = Date.now() + 180_000;
  for (;;) {
    if (dead) throw new Error(`the server exited during start:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/marketplace-categories/`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return server;
    if (Date.now() > until)
      throw new Error(`the server did not answer within 180 s:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const waldurOperationKeys = () =>
  allOperations.filter((op) => op.dialect.name === "waldur").map((op) => `${op.method} ${op.path}`);

/** Runs seed 001 and every suite in one mode; returns the outcomes, and the failures the run itself met. */
async function runMode(mode: WaldurAnswers, base: string, staffToken: string, schema: WaldurSchema) {
  const c = new ContractClient(base, mode, schema);
  c.tokens.set("staff", staffToken);
  const broken: string[] = [];
  const tag = `${mode}${randomBytes(4).toString("hex")}`;
  try {
    const world = await seed001(c, tag);
    for (const suite of contractSuites) {
      try {
        await suite.run(c, world);
      } catch (e) {
        broken.push(`suite ${suite.name}: ${(e as Error).message}`);
        if (!(e instanceof ContractFailure)) console.error(e);
      }
    }
  } catch (e) {
    broken.push(`seed 001: ${(e as Error).message}`);
    if (!(e instanceof ContractFailure)) console.error(e);
  }
  // Coverage: every Waldur operation Portico serves answered with success at least once.
  for (const key of waldurOperationKeys())
    if (!c.outcomes.some((o) => o.operation === key && o.status >= 200 && o.status < 300))
      broken.push(`never answered with success: ${key}`);
  // The listed differences are exactly what differs: in the default mode each one shows.
  if (mode === "seed")
    for (const d of SEED_DIFFERENCES)
      if (!c.outcomes.some((o) => o.tolerated.includes(d)))
        broken.push(`a listed seed difference never showed (stale?): ${d.operations[0]} — ${d.seed}`);
  return { outcomes: c.outcomes, broken };
}

function report(mode: WaldurAnswers, outcomes: Outcome[], broken: string[], schema: WaldurSchema): number {
  const failed = outcomes.filter((o) => o.problems.length);
  const operations = new Set(outcomes.map((o) => o.operation));
  console.log(
    `\n## PORTICO_WALDUR_SUCCESS_CODES=${mode === "waldur" ? "waldur" : "(default: seed)"}: ${outcomes.length} answers over ${operations.size} operations`,
  );
  for (const o of failed) {
    const spec =
      schema.operation(o.operation) ??
      schema.operation(PORTICO_ONLY_OPERATIONS.find((x) => x.operation === o.operation)?.answersLike ?? "");
    console.log(
      `  FAIL ${o.operation}${spec ? ` (${spec.operationId})` : ""}${o.note ? ` — ${o.note}` : ""}: answered ${o.status || "-"}`,
    );
    for (const p of o.problems)
      console.log(`       ${p.path}: expected ${p.expected}${p.schema ? ` [${p.schema}]` : ""}, got ${p.got}`);
  }
  for (const b of broken) console.log(`  FAIL ${b}`);
  const tolerated = new Map<string, number>();
  for (const o of outcomes)
    for (const d of o.tolerated)
      tolerated.set(
        `${o.operation}: ${d.kind === "field" ? d.field : "status"} (${d.seed})`,
        (tolerated.get(`${o.operation}: ${d.kind === "field" ? d.field : "status"} (${d.seed})`) ?? 0) + 1,
      );
  for (const [what, n] of tolerated) console.log(`  seed difference ${what} × ${n}`);
  console.log(
    `  ${outcomes.length - failed.length} of ${outcomes.length} answers as the schema declares${tolerated.size ? " (or as the seed says)" : ""}${broken.length ? `, ${broken.length} run failures` : ""}`,
  );
  return failed.length + broken.length;
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
  const t0 = Date.now();
  const schema = WaldurSchema.load();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-contract-"));
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, "contract") : null;
  const staffToken = `contract-${randomBytes(24).toString("hex")}`;
  const env: Record<string, string> = {
    DATABASE_URL: scratch?.url ?? "",
    PORTICO_DATA_DIR: path.join(tmp, "pglite"),
    PORTICO_ADMIN_EMAIL: "contract-admin@portico.test",
    PORTICO_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
    PORTICO_ADMIN_TOKEN: staffToken,
    PORTICO_BACKGROUND_JOBS: "off",
    PORTICO_SCRYPT_COST: "1024",
  };
  let failures = 0;
  let passed = 0;
  try {
    for (const mode of modes) {
      const port = Number(process.env.CONTRACT_PORT) || (await freePort());
      const log = path.join(tmp, `server-${mode}.log`);
      const server = await startServer(
        port,
        { ...env, PORTICO_WALDUR_SUCCESS_CODES: mode === "waldur" ? "waldur" : "" },
        log,
      );
      try {
        const { outcomes, broken } = await runMode(mode, `http://127.0.0.1:${port}`, staffToken, schema);
        failures += report(mode, outcomes, broken, schema);
        passed += outcomes.filter((o) => !o.problems.length).length;
      } finally {
        await stopGroup(server);
      }
    }
  } finally {
    await scratch?.drop().catch((e) => console.error(`could not drop the contract database: ${(e as Error).message}`));
    if (!failures) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`  server logs kept in ${tmp}`);
  }
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  fs.writeFileSync(path.join(root, "test-results", "contract.json"), JSON.stringify({ passed, failed: failures }));
  console.log(
    `\ncontract: ${passed} answers as declared in ${modes.length} mode(s), ${failures} failures (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
