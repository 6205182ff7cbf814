// npm run bench — accounting figures on this machine: bulk ingest through the HTTP endpoint next to raw
// COPY, and the global report / 12-month chart over BENCH_RECORDS records next to hand-written SQL.
// Needs DATABASE_URL (PostgreSQL); makes all its data itself, under a fresh provider, and leaves it there.
//   BENCH_RECORDS          records behind the reports (default 1,000,000; 10,000,000 for the README figures)
//   BENCH_INGEST_RECORDS   records posted through the endpoint (default 200,000; the figure is 1,000,000)
//   BENCH_BATCH            records per bulk request (default 20,000)
//   BENCH_RUNS             timed repetitions of each read (default 30)
//   BENCH_PGLITE           records for the same ingest on in-memory PGlite, for scale (default 20,000; 0 skips)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";

process.env.PORTICO_BACKGROUND_JOBS = "off";
process.env.PORTICO_RATE_LIMITS = "off";
process.env.PORTICO_SEED_DEMO = "false";
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const RECORDS = num("BENCH_RECORDS", 1_000_000);
const INGEST = num("BENCH_INGEST_RECORDS", 200_000);
const BATCH = num("BENCH_BATCH", 20_000);
const RUNS = num("BENCH_RUNS", 30);
const PGLITE = num("BENCH_PGLITE", 20_000);
const INSTALLATIONS = 200;
const pglitePhase = process.env.BENCH_PHASE === "pglite";

if (!pglitePhase && !process.env.DATABASE_URL) {
  console.error(
    "npm run bench needs DATABASE_URL pointing at a PostgreSQL database it may fill, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/portico_bench npm run bench",
  );
  process.exit(2);
}
if (pglitePhase) process.env.PORTICO_DATA_DIR = "memory://";

const { getDb, closeDb, databaseKind } = await import("../lib/db/client");
const { accountingFixture } = await import("../lib/accounting/testing/fixture");
const { withRollup } = await import("../lib/accounting/usage-rollup");
const { sqlRows } = await import("../lib/accounting/sql-rows");
const { createInstallation } = await import("../lib/accounting/installations");
const bulkRoute = await import("../app/accounting-system/installations/[id]/metrics/bulk/route");
const reportRoute = await import("../app/accounting-system/providers/[provider_id]/report/route");
const seriesRoute = await import("../app/accounting-system/providers/[provider_id]/usage-series/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: { re: RegExp; handler: Handler; names: string[] }[] = [
  {
    re: /^\/accounting-system\/installations\/([^/]+)\/metrics\/bulk$/,
    handler: bulkRoute.POST as Handler,
    names: ["id"],
  },
  {
    re: /^\/accounting-system\/providers\/([^/]+)\/report$/,
    handler: reportRoute.GET as Handler,
    names: ["provider_id"],
  },
  {
    re: /^\/accounting-system\/providers\/([^/]+)\/usage-series$/,
    handler: seriesRoute.GET as Handler,
    names: ["provider_id"],
  },
];

/** A plain node HTTP server in front of the real route handlers (the same pipeline Next runs them in). */
function startServer(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = ROUTES.find((r) => r.re.test(url.pathname));
    if (!route) return void res.writeHead(404).end();
    const m = url.pathname.match(route.re)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(url, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const response = await route.handler(request, { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() }),
    ),
  );
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
/** Record k of an installation: hourly from 2024-01-01 00:30 UTC, so one an hour straddles midnight each day. */
const record = (metricId: string, k: number, value: number) => ({
  metric_definition_id: metricId,
  time_period_start: iso(BASE + k * HOUR + HOUR / 2),
  time_period_end: iso(BASE + (k + 1) * HOUR + HOUR / 2),
  value,
});

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95) };
}
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return stats(out);
}

/** Ingest `count` records through the bulk endpoint in BATCH-sized JSON arrays; rows per second. */
async function benchIngest(
  count: number,
  server: { url: string },
  token: string,
  installationId: string,
  metricId: string,
) {
  const t = performance.now();
  let inserted = 0;
  for (let i = 0; i < count; i += BATCH) {
    const body = JSON.stringify(
      Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => record(metricId, i + j, 1 + ((i + j) % 7))),
    );
    const res = await fetch(`${server.url}/accounting-system/installations/${installationId}/metrics/bulk`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    });
    if (res.status !== 201) throw new Error(`bulk ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    inserted += (await res.json()).inserted;
  }
  const seconds = (performance.now() - t) / 1000;
  return { rate: count / seconds, seconds, inserted };
}

if (pglitePhase) {
  const f = await accountingFixture();
  const server = await startServer();
  const r = await benchIngest(PGLITE, server, f.owner.token, f.installationId, f.metricId);
  server.close();
  await closeDb();
  console.log(JSON.stringify({ rate: r.rate, seconds: r.seconds }));
  process.exit(0);
}

const db = await getDb();
console.log(`Portico accounting bench — ${os.cpus().length} CPUs, node ${process.version}, ${await databaseKind()}`);
const f = await accountingFixture();
const server = await startServer();
const ctx = { db, actor: f.admin.actor, correlationId: "bench" };

// 1. Ingest through the HTTP endpoint, and raw COPY of the same rows into a table with the same indexes.
const ingest = await benchIngest(INGEST, server, f.owner.token, f.installationId, f.metricId);
console.log(
  `\nIngest (${fmt(INGEST)} records, ${fmt(BATCH)} per request, JSON arrays, with dedupe + daily rollup in the same transaction)`,
);
console.log(`  HTTP bulk endpoint   ${fmt(ingest.rate)} rows/s  (${ingest.seconds.toFixed(1)} s)`);

const [inst] = await sqlRows<{ pk: number; metric_pk: number }>(
  db,
  sql`select i.pk, m.pk as metric_pk from installations i, metric_definitions m where i.id = ${f.installationId} and m.id = ${f.metricId}`,
);
const csvPath = path.join(os.tmpdir(), `portico-bench-${process.pid}.csv`);
const out = fs.createWriteStream(csvPath);
for (let k = 0; k < INGEST; k++) {
  const r = record(f.metricId, k, 1 + (k % 7));
  out.write(`${inst.pk},${inst.metric_pk},${r.time_period_start},${r.time_period_end},${r.value},"",""\n`);
}
await new Promise((r) => out.end(r));
await db.execute(sql`drop table if exists bench_copy`);
await db.execute(sql`create unlogged table bench_copy (like usage_records including defaults including indexes)`);
await db.execute(sql`alter table bench_copy set logged`);
let copyRate: number | null = null;
const tCopy = performance.now();
const copy = spawnSync(
  "psql",
  [
    process.env.DATABASE_URL!,
    "-q",
    "-c",
    `\\copy bench_copy (installation_pk, metric_pk, time_period_start, time_period_end, value, user_id, group_id) from '${csvPath}' with (format csv)`,
  ],
  { encoding: "utf8" },
);
if (copy.status === 0) copyRate = INGEST / ((performance.now() - tCopy) / 1000);
else console.log(`  (raw COPY skipped: ${copy.stderr.trim() || "psql not available"})`);
fs.rmSync(csvPath, { force: true });
await db.execute(sql`drop table if exists bench_copy`);
if (copyRate)
  console.log(
    `  raw COPY (psql \\copy, same indexes)  ${fmt(copyRate)} rows/s  → endpoint = ${(ingest.rate / copyRate).toFixed(2)} × COPY (goal ≥ 0.5)`,
  );

// 2. BENCH_RECORDS records behind one provider: generated in SQL, then rolled up once (as ingest would have).
const perInst = Math.ceil(RECORDS / INSTALLATIONS / 2);
console.log(
  `\nLoading ${fmt(perInst * INSTALLATIONS * 2)} records: ${INSTALLATIONS} installations × 2 metrics × ${fmt(perInst)} hourly records…`,
);
const cpu = await (
  await import("../lib/accounting/metric-definitions")
).createMetricDefinition(ctx, { metric_name: "cpu_time", unit_type: "core hours", metric_type: "aggregated" });
const pks: number[] = [];
for (let i = 0; i < INSTALLATIONS; i++) {
  const row = await createInstallation(ctx, {
    project: f.projectId,
    organisation: f.providerId,
    infrastructure: "bench",
    installation: `BENCH-${i}`,
    unit_of_access: f.metricId,
  });
  pks.push(row.pk);
}
await db.execute(sql`insert into installation_capacities (id, installation_pk, metric_pk, value, registered_on)
  select md5(random()::text), pk, ${cpu.pk}, 5000, d::date from unnest(${sql.param(pks)}::int[]) pk, (values ('2024-03-01'), ('2024-07-01'), ('2024-10-01')) v(d)`);
const tLoad = performance.now();
for (const [i, pk] of pks.entries()) {
  await db.execute(sql`insert into usage_records (installation_pk, metric_pk, time_period_start, time_period_end, value)
    select ${pk}, m, timestamptz '2024-01-01 00:30:00Z' + k * interval '1 hour', timestamptz '2024-01-01 01:30:00Z' + k * interval '1 hour', (k % 13) + 0.25
    from generate_series(0, ${perInst - 1}) k, unnest(array[${inst.metric_pk}, ${cpu.pk}]::int[]) m`);
  if ((i + 1) % 50 === 0)
    process.stdout.write(
      `  ${i + 1}/${INSTALLATIONS} installations (${((performance.now() - tLoad) / 1000).toFixed(0)} s)\n`,
    );
}
await sqlRows(
  db,
  withRollup(
    sql`select installation_pk, metric_pk, time_period_start as s, time_period_end as e, value as v from usage_records where installation_pk = any(${sql.param(pks)}::int[])`,
    1,
  ),
);
await db.execute(sql`analyze usage_records`);
await db.execute(sql`analyze usage_daily`);
const [{ n }] = await sqlRows<{ n: number }>(db, sql`select count(*)::int as n from usage_records`);
console.log(
  `  loaded in ${((performance.now() - tLoad) / 1000).toFixed(0)} s; usage_records now holds ${fmt(Number(n))} rows`,
);

// 3. Reads over 12 months, through HTTP, next to hand-written SQL.
const get = (p: string) =>
  fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${f.owner.token}` } }).then(async (r) => {
    if (r.status !== 200) throw new Error(`${p} answered ${r.status}: ${(await r.text()).slice(0, 200)}`);
    return r.json();
  });
const range = "start=2024-01-01&end=2024-12-31";
const check = await get(`/accounting-system/providers/${f.providerId}/report?${range}`);
// The same total straight from the raw records, each clipped pro rata to the range: the rollup must agree.
const [raw] = await sqlRows<{ total: number }>(
  db,
  sql`select sum(value * extract(epoch from (least(time_period_end, '2025-01-01'::timestamptz) - greatest(time_period_start, '2024-01-01'::timestamptz))) / extract(epoch from (time_period_end - time_period_start)))::float8 as total
    from usage_records where installation_pk = any(${sql.param(pks)}::int[]) and metric_pk = ${cpu.pk} and time_period_start < '2025-01-01' and time_period_end > '2024-01-01'`,
);
const reported = check.aggregated_metrics.find(
  (a: { metric_definition_id: string }) => a.metric_definition_id === cpu.id,
)?.total_value;
const report = await timed(RUNS, () => get(`/accounting-system/providers/${f.providerId}/report?${range}`));
const chart = await timed(RUNS, () =>
  get(`/accounting-system/providers/${f.providerId}/usage-series?${range}&group=month`),
);
const handRaw = await timed(Math.min(RUNS, 10), () =>
  db.execute(
    sql`select installation_pk, metric_pk, sum(value) from usage_records where installation_pk = any(${sql.param(pks)}::int[]) and time_period_start >= '2024-01-01' and time_period_start < '2025-01-01' group by 1, 2`,
  ),
);
const handRollup = await timed(RUNS, () =>
  db.execute(
    sql`select installation_pk, metric_pk, sum(value) from usage_daily where installation_pk = any(${sql.param(pks)}::int[]) and day >= '2024-01-01' and day <= '2024-12-31' group by 1, 2`,
  ),
);
console.log(`\nReads over ${fmt(Number(n))} records, 12 months, ${RUNS} runs each (p50 / p95)`);
console.log(`  global provider report (HTTP)        ${ms(report.p50)} / ${ms(report.p95)}   (goal p50 ≤ 100 ms)`);
console.log(`  12-month chart, monthly (HTTP)       ${ms(chart.p50)} / ${ms(chart.p95)}`);
console.log(
  `  hand-written SQL on the raw table    ${ms(handRaw.p50)} / ${ms(handRaw.p95)}   → report = ${(report.p50 / handRaw.p50).toFixed(2)} × it (goal ≤ 2)`,
);
console.log(`  hand-written SQL on the daily rollup ${ms(handRollup.p50)} / ${ms(handRollup.p95)}`);
console.log(
  `  report total ${reported} vs raw records clipped pro rata ${Number(raw.total)}: ${Math.abs(reported - Number(raw.total)) <= 1e-9 * Math.abs(Number(raw.total)) ? "exact" : "MISMATCH"}`,
);
console.log(
  `  memory of the server process: rss ${fmt(process.memoryUsage().rss / 2 ** 20)} MiB, heap ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
);

server.close();
await closeDb();

if (PGLITE > 0) {
  const child = spawnSync(process.execPath, ["--import", "tsx", process.argv[1]], {
    env: { ...process.env, BENCH_PHASE: "pglite", DATABASE_URL: "" },
    encoding: "utf8",
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  try {
    const r = JSON.parse(line);
    console.log(
      `\nPGlite (in-memory, for scale): HTTP bulk endpoint ${fmt(r.rate)} rows/s over ${fmt(PGLITE)} records`,
    );
  } catch {
    console.log(`\nPGlite run failed: ${(child.stderr || line).slice(0, 300)}`);
  }
}
