// `npm run bench:load`: Portico under 200 concurrent connections, on 127.0.0.1 only, bounded in time.
// Starts the built server (`next start`) on a fresh PostgreSQL database next to DATABASE_URL, creates the
// data it needs over the API, then drives it with wrk (scripts/bench-load/mix.lua): a mix of provider list,
// provider search, usage report and usage ingest calls with a bearer token. Prints the 0-error check,
// p50/p95/p99 latency, req/s and the server's RSS at start and end; then the provider list page alone
// against Portico and against a bare node:http + pg server (scripts/bench-load/bare-server.mjs): the ratio.
//
//   DATABASE_URL=postgres://… npm run bench:load
//   BENCH_SECONDS=60 (the mix)  BENCH_COMPARE_SECONDS=20 (each list-only run)  BENCH_CONNECTIONS=200  BENCH_THREADS=2
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/scratch-database";
import { freePort, startNodeGroup, stopGroup, type GroupChild } from "./lib/process-group";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const COMPARE_SECONDS = Number(process.env.BENCH_COMPARE_SECONDS || Math.min(20, SECONDS));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 200);
const THREADS = Number(process.env.BENCH_THREADS || 2);
const PROVIDERS = 300;
const USAGE_ROWS = 50_000;
const POOL = process.env.PORTICO_DB_POOL_SIZE || "10";
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

const children: GroupChild[] = [];
const cleanups: (() => Promise<void>)[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fail(msg: string): never {
  console.error(msg);
  process.exitCode = 1;
  throw new Error(msg);
}

function startDetached(args: string[], env: Record<string, string>, log: string): GroupChild {
  const started = startNodeGroup(args, { cwd: root, env: { ...process.env, ...env }, log });
  children.push(started);
  return started;
}

/** Resident memory (MB) and CPU time used so far (ms, user + system) of a process group: a server and its forks. */
function groupStats(pgid: number): { rssMb: number; cpuMs: number } {
  let kb = 0;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: process group
      ticks += Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* exited meanwhile */
    }
  }
  return { rssMb: kb / 1024, cpuMs: (ticks * 1000) / CLOCK_TICKS };
}

async function waitFor(
  url: string,
  headers: Record<string, string>,
  { child }: GroupChild,
  log: string,
): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) fail(`The server exited during start:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    const ok = await fetch(url, { headers }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until)
      fail(`The server did not answer within 120 s:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    await sleep(200);
  }
}

type WrkResult = {
  requests: number;
  duration_us: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
};

type Run = WrkResult & { cpuMsPerRequest: number; rssMb: number[] };

/**
 * One wrk run against the server of process group `pgid`: wrk's figures, the server's CPU time per
 * request (a figure the other processes on the machine hardly change) and its RSS every 10 s.
 */
async function wrk(url: string, seconds: number, env: Record<string, string>, pgid: number): Promise<Run> {
  const args = [
    `-t${THREADS}`,
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    "--timeout",
    "30s",
    "-s",
    path.join(root, "scripts", "bench-load", "mix.lua"),
    url,
  ];
  const before = groupStats(pgid);
  const rssMb = [before.rssMb];
  const sampler = setInterval(() => rssMb.push(groupStats(pgid).rssMb), 10_000);
  const child = spawn("wrk", args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearInterval(sampler);
  const after = groupStats(pgid);
  rssMb.push(after.rssMb);
  const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) fail(`wrk gave no result (status ${status}):\n${out}`);
  const r = JSON.parse(line.slice("BENCH_RESULT ".length)) as WrkResult;
  return { ...r, cpuMsPerRequest: (after.cpuMs - before.cpuMs) / Math.max(1, r.requests), rssMb };
}

const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
const rps = (r: WrkResult) => r.requests / (r.duration_us / 1e6);
const errors = (r: WrkResult) => r.connect + r.read + r.write + r.status + r.timeout;
function line(label: string, r: Run): string {
  const e = errors(r);
  return `${label.padEnd(44)} ${String(r.requests).padStart(8)} req  ${rps(r).toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req  errors ${e}${e ? ` (connect ${r.connect}, read ${r.read}, write ${r.write}, http ≥ 400 ${r.status}, timeout ${r.timeout})` : " ✓"}`;
}

async function main() {
  if (!process.env.DATABASE_URL)
    fail(
      "bench:load runs on PostgreSQL: set DATABASE_URL (a fresh database is created next to it and dropped afterwards).",
    );
  if (spawnSync("wrk", ["--version"]).error) fail("wrk is not installed: apt-get install -y wrk");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) fail("No build found: run `npm run build` first.");

  // A fresh database, dropped at the end.
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, "load");
  cleanups.push(scratch.drop);
  const dbUrl = new URL(scratch.url);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-load-"));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));

  const token = `bench-${randomBytes(24).toString("hex")}`;
  const [port, barePort] = [await freePort(), await freePort()];
  const serverLog = path.join(tmp, "server.log");
  const server = startDetached(
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      DATABASE_URL: dbUrl.toString(),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORTICO_ADMIN_EMAIL: "bench-admin@portico.test",
      PORTICO_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
      PORTICO_ADMIN_TOKEN: token,
      PORTICO_SEED_DEMO: "false",
      PORTICO_DB_POOL_SIZE: POOL,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    serverLog,
  );
  const origin = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${token}` };
  await waitFor(`${origin}/api/me`, auth, server, serverLog);
  console.log(`Portico (next start) on ${origin}, PostgreSQL database ${dbUrl.pathname.slice(1)}, pool ${POOL}`);

  // The data the mix needs, made through the API.
  const api = async (method: string, p: string, status: number, body?: unknown, raw?: string) => {
    const res = await fetch(origin + p, {
      method,
      headers: { ...auth, "content-type": "application/json" },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    if (res.status !== status) fail(`${method} ${p} answered ${res.status}, expected ${status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const t0 = Date.now();
  for (let i = 0; i < PROVIDERS; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, PROVIDERS - i) }, (_, k) =>
        api("POST", "/accounting-system/providers", 201, {
          id: `bench-${i + k}`,
          name: `Bench Provider ${i + k}`,
          abbreviation: `B${i + k}`,
          website: "https://bench.example.org",
        }),
      ),
    );
  }
  await api("POST", "/accounting-system/projects", 201, {
    id: "bench-project",
    acronym: "BENCH",
    title: "Load benchmark",
  });
  await api("POST", "/accounting-system/projects/bench-project/associate", 200, { providers: ["bench-0"] });
  const metric = await api("POST", "/accounting-system/metric-definitions", 201, {
    metric_name: "cpu",
    unit_type: "core hours",
    metric_type: "aggregated",
  });
  const inst = await api("POST", "/accounting-system/installations", 201, {
    project: "bench-project",
    organisation: "bench-0",
    infrastructure: "bench",
    installation: "bench-1",
    unit_of_access: metric.metric_definition_id,
  });
  const t2025 = Date.UTC(2025, 0, 1);
  for (let b = 0; b < USAGE_ROWS; b += 10_000) {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      metric_definition_id: metric.metric_definition_id,
      time_period_start: new Date(t2025 + (b + i) * 600_000).toISOString(),
      time_period_end: new Date(t2025 + (b + i + 1) * 600_000).toISOString(),
      value: 1,
      user_id: `u${i % 50}`,
      group_id: "g",
    }));
    await api("POST", `/accounting-system/installations/${inst.id}/metrics/bulk`, 201, undefined, JSON.stringify(rows));
  }
  console.log(
    `Data: ${PROVIDERS} providers, 1 installation with ${USAGE_ROWS} usage records (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const env = {
    BENCH_TOKEN: token,
    BENCH_PROVIDER: "bench-0",
    BENCH_INSTALLATION: inst.id,
    BENCH_METRIC: metric.metric_definition_id,
    BENCH_RUN: Date.now().toString(36),
  };
  // Warm-up: every route compiled and JIT-warm before measuring.
  await wrk(origin, 3, { ...env, BENCH_MIX: "mix" }, server.child.pid!);

  console.log(
    `\nwrk: ${CONNECTIONS} connections, ${THREADS} threads, 127.0.0.1, timeout 30 s; load average before: ${os.loadavg()[0].toFixed(2)}`,
  );
  const mix = await wrk(origin, SECONDS, { ...env, BENCH_MIX: "mix" }, server.child.pid!);
  console.log(line(`Portico mix (4 list/2 search/2 report/2 ingest), ${SECONDS} s`, mix));
  const list = await wrk(origin, COMPARE_SECONDS, { ...env, BENCH_MIX: "list" }, server.child.pid!);
  console.log(line(`Portico provider list page, ${COMPARE_SECONDS} s`, list));
  await stopGroup(server);

  const bareLog = path.join(tmp, "bare.log");
  const bare = startDetached(
    [path.join(root, "scripts", "bench-load", "bare-server.mjs")],
    { DATABASE_URL: dbUrl.toString(), PORT: String(barePort), PORTICO_DB_POOL_SIZE: POOL },
    bareLog,
  );
  await waitFor(`http://127.0.0.1:${barePort}/accounting-system/providers?page=1&size=10`, {}, bare, bareLog);
  await wrk(`http://127.0.0.1:${barePort}`, 2, { ...env, BENCH_MIX: "list" }, bare.child.pid!);
  const bareList = await wrk(
    `http://127.0.0.1:${barePort}`,
    COMPARE_SECONDS,
    { ...env, BENCH_MIX: "list" },
    bare.child.pid!,
  );
  console.log(line(`bare node:http + pg, same page, ${COMPARE_SECONDS} s`, bareList));
  await stopGroup(bare);

  console.log(
    `\nProvider list page: Portico ${rps(list).toFixed(0)} req/s vs bare ${rps(bareList).toFixed(0)} req/s → ratio ${(rps(list) / rps(bareList)).toFixed(2)} (p99 ${ms(list.p99)} vs ${ms(bareList.p99)})`,
  );
  console.log(
    `Server CPU per list request: Portico ${list.cpuMsPerRequest.toFixed(2)} ms vs bare ${bareList.cpuMsPerRequest.toFixed(2)} ms → ratio ${(bareList.cpuMsPerRequest / list.cpuMsPerRequest).toFixed(2)}`,
  );
  const rss = [...mix.rssMb, ...list.rssMb.slice(1)].map((v) => v.toFixed(0));
  console.log(`Portico server RSS (MB) every 10 s through the mix and the list run: ${rss.join(" → ")}`);
  const bad = errors(mix) + errors(list) + errors(bareList);
  console.log(bad ? `FAILED: ${bad} errors under load` : "0 errors under load ✓");
  if (bad) process.exitCode = 1;
}

async function cleanup() {
  for (const c of children) await stopGroup(c);
  for (const c of cleanups.splice(0).reverse())
    await c().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
}

for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void cleanup().then(() => process.exit(130)));

main()
  .catch((e) => {
    if (!process.exitCode) console.error(e);
    process.exitCode = 1;
  })
  .finally(cleanup);
