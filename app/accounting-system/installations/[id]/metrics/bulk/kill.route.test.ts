import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountingFixture } from "@/lib/accounting/testing/fixture";
import { sqlRows } from "@/lib/accounting/sql-rows";
import { getDb } from "@/lib/db/client";

// A server process killed (SIGKILL) in the middle of a batch leaves the batch wholly absent — or wholly
// there if it had committed. Needs a real PostgreSQL shared with the child process (DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)("usage ingestion when the server is killed mid-batch", () => {
  it("leaves all or nothing of the batch, never part of it, and the rollup in step", async () => {
    const f = await accountingFixture();
    const COUNT = 100_000;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(process.cwd(), "lib/accounting/testing/ingest-child.ts")],
      {
        env: {
          ...process.env,
          INSTALLATION_ID: f.installationId,
          METRIC_ID: f.metricId,
          ACTOR: JSON.stringify(f.owner.actor),
          COUNT: String(COUNT),
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (d) => ((out += d), out.includes("ingesting") && resolve())),
    );
    await new Promise((r) => setTimeout(r, 700)); // well inside the transaction (the batch takes seconds)
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const db = await getDb();
    // the server side of the killed connection rolls back once it notices; wait until it has gone
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await sqlRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_stat_activity where application_name = '' and state = 'active' and query like '%usage_records%' and pid <> pg_backend_pid()`,
      );
      if (Number(n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const [row] = await sqlRows<{ n: number; rolled: number }>(
      db,
      sql`select (select count(*)::int from usage_records r join installations i on i.pk = r.installation_pk where i.id = ${f.installationId}) as n,
        (select coalesce(sum(value), 0)::float8 from usage_daily d join installations i on i.pk = d.installation_pk where i.id = ${f.installationId}) as rolled`,
    );
    expect(out.includes("committed") ? COUNT : 0).toBe(Number(row.n));
    expect(Number(row.rolled)).toBe(Number(row.n));
  }, 60_000);
});
