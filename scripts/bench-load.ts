// `npm run bench:load`: Portico under load, on 127.0.0.1 only, bounded in time.
// Starts the built server (`scripts/server.mjs`, as `npm start` runs it) on a fresh PostgreSQL database next to DATABASE_URL, creates the
// data it needs over the API, then drives it with wrk (scripts/bench-load/mix.lua):
//  1. the mix — provider list, provider search, usage report and usage ingest with a bearer token — at 200
//     connections: the 0-error check, p50/p95/p99, req/s and the server's RSS every 10 s;
//  2. each API route alone, next to `GET /api/health` (the floor: Next.js answering with no work), at 50
//     connections: req/s, p50/p99, and the CPU time per request of the server and of its PostgreSQL backends;
//     the issue's goals (provider page ≥ 0.7 × the floor's req/s with p99 ≤ 2 × its p99, /api/me ≥ 0.8 ×,
//     server CPU ≤ 0.8 ms a request above the floor's) are checked and printed;
//  3. the provider list page against a bare node:http + pg server (scripts/bench-load/bare-server.mjs).
//
//   DATABASE_URL=postgres://… npm run bench:load
//   BENCH_SECONDS=60 (the mix)  BENCH_ROUTE_SECONDS=10 (each route alone)  BENCH_COMPARE_SECONDS=20 (bare)
//   BENCH_CONNECTIONS=200 (the mix)  BENCH_ROUTE_CONNECTIONS=50  BENCH_THREADS=2
//   BENCH_ONLY=me,list (only these routes alone; skips the mix and the bare server)
//   BENCH_PORT=<n> (the server's port, the bare server's is n + 1; default: free ones)
//   BENCH_PROFILE=<dir> (the server runs with node --cpu-prof; summarise with scripts/bench-load/profile-summary.ts)
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "../lib/db/scratch-database";
import { freePort, runScript, startNodeGroup, stopGroup, type GroupChild } from "./lib/process-group";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverScript = path.join(root, "scripts", "server.mjs"); // what `npm start` runs
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const COMPARE_SECONDS = Number(process.env.BENCH_COMPARE_SECONDS || Math.min(20, SECONDS));
const ROUTE_SECONDS = Number(process.env.BENCH_ROUTE_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 200);
const ROUTE_CONNECTIONS = Number(process.env.BENCH_ROUTE_CONNECTIONS || 50);
const THREADS = Number(process.env.BENCH_THREADS || 2);
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
const PROVIDERS = 200;
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

/** CPU time (ms) a process has used so far, user + system; 0 once it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // fields 14 and 15: utime, stime
  } catch {
    return 0;
  }
}

/** Resident memory (MB) and CPU time used so far (ms, user + system) of a process group: a server and its forks. */
function groupStats(pgid: number): { rssMb: number; cpuMs: number } {
  let kb = 0;
  let cpuMs = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: process group
      cpuMs += processCpuMs(Number(pid));
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* exited meanwhile */
    }
  }
  return { rssMb: kb / 1024, cpuMs };
}

/**
 * CPU time (ms) used so far by the PostgreSQL backends connected to `database`: the pool's connections, which
 * a warmed-up server keeps open. Readable when PostgreSQL runs on this machine; 0 otherwise.
 */
async function databaseCpuMs(adminUrl: string, database: string): Promise<number> {
  const { Client } = await import("pg");
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    );
    return rows.reduce((sum, r) => sum + processCpuMs(r.pid), 0);
  } finally {
    await c.end();
  }
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

type Run = WrkResult & { cpuMsPerRequest: number; dbCpuMsPerRequest?: number; rssMb: number[]; load: number };

type Target = { url: string; pgid: number; db?: { adminUrl: string; name: string } };

let runs = 0;

/**
 * One wrk run against a server: wrk's figures, the server's CPU time per request (a figure the other processes
 * on the machine hardly change), its PostgreSQL backends' CPU per request, its RSS every 10 s, and the load
 * average at the start.
 */
async function wrk(
  target: Target,
  mode: string,
  seconds: number,
  connections: number,
  env: Record<string, string>,
): Promise<Run> {
  const args = [
    `-t${THREADS}`,
    `-c${connections}`,
    `-d${seconds}s`,
    "--timeout",
    "30s",
    "-s",
    path.join(root, "scripts", "bench-load", "mix.lua"),
    target.url,
  ];
  const load = os.loadavg()[0];
  const dbCpu = () => (target.db ? databaseCpuMs(target.db.adminUrl, target.db.name) : Promise.resolve(0));
  const [before, dbBefore] = [groupStats(target.pgid), await dbCpu()];
  const rssMb = [before.rssMb];
  const sampler = setInterval(() => rssMb.push(groupStats(target.pgid).rssMb), 10_000);
  // Each run's ingested records start a few seconds later than the previous run's: no natural key repeats.
  const epoch = String(Date.UTC(2025, 0, 1) / 1000 + (++runs % 60));
  const child = spawn("wrk", args, {
    env: { ...process.env, ...env, BENCH_MIX: mode, BENCH_EPOCH: epoch },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearInterval(sampler);
  const [after, dbAfter] = [groupStats(target.pgid), await dbCpu()];
  rssMb.push(after.rssMb);
  const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) fail(`wrk gave no result (status ${status}):\n${out}`);
  const r = JSON.parse(line.slice("BENCH_RESULT ".length)) as WrkResult;
  const n = Math.max(1, r.requests);
  return {
    ...r,
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / n,
    dbCpuMsPerRequest: target.db ? Math.max(0, dbAfter - dbBefore) / n : undefined,
    rssMb,
    load,
  };
}

const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
const rps = (r: WrkResult) => r.requests / (r.duration_us / 1e6);
/** Failed requests; a run that completed none counts as one failure. */
const errors = (r: WrkResult) => r.connect + r.read + r.write + r.status + r.timeout + (r.requests ? 0 : 1);
function line(label: string, r: Run): string {
  const e = errors(r);
  const db = r.dbCpuMsPerRequest === undefined ? "" : `  PostgreSQL CPU ${r.dbCpuMsPerRequest.toFixed(2)} ms/req`;
  return `${label.padEnd(44)} ${String(r.requests).padStart(8)} req  ${rps(r).toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req${db}  load ${r.load.toFixed(1)}  errors ${e}${e ? ` (connect ${r.connect}, read ${r.read}, write ${r.write}, http ≥ 400 ${r.status}, timeout ${r.timeout})` : " ✓"}`;
}

/** The routes measured alone, in this order; `health` is the floor the others are compared with. */
const ROUTES = [
  { mode: "health", label: "GET /api/health (the floor)" },
  { mode: "me", label: "GET /api/me" },
  { mode: "list", label: "GET …/providers?page=5&size=10" },
  { mode: "search", label: "POST …/providers/search" },
  { mode: "report", label: "GET …/providers/{id}/report (12 months)" },
  { mode: "series", label: "GET …/usage-series?group=month (chart)" },
  { mode: "ingest", label: "POST …/installations/{id}/metrics" },
] as const;

/** The issue's goals for the routes alone, relative to the floor. */
function goals(results: Map<string, Run>): string[] {
  const floor = results.get("health");
  if (!floor) return ["Goals: not checked (no /api/health floor measured)."];
  const out: string[] = [];
  const check = (ok: boolean, text: string) => out.push(`${ok ? "✓" : "✗"} ${text}`);
  const ratio = (mode: string, min: number) => {
    const r = results.get(mode);
    if (r)
      check(
        rps(r) >= min * rps(floor),
        `${mode}: ${(rps(r) / rps(floor)).toFixed(2)} × the floor's req/s (goal ≥ ${min})`,
      );
  };
  ratio("list", 0.7);
  const list = results.get("list");
  if (list) check(list.p99 <= 2 * floor.p99, `list: p99 ${(list.p99 / floor.p99).toFixed(2)} × the floor's (goal ≤ 2)`);
  ratio("me", 0.8);
  for (const [mode, r] of results) {
    if (mode === "health") continue;
    const above = r.cpuMsPerRequest - floor.cpuMsPerRequest;
    check(above <= 0.8, `${mode}: server CPU ${above.toFixed(2)} ms a request above the floor's (goal ≤ 0.8)`);
  }
  return out;
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
  const dbName = dbUrl.pathname.slice(1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-load-"));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));

  const token = `bench-${randomBytes(24).toString("hex")}`;
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const barePort = process.env.BENCH_PORT ? port + 1 : await freePort();
  const serverLog = path.join(tmp, "server.log");
  if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const profile = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const server = startDetached(
    [...profile, serverScript],
    {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
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
  console.log(`Portico (scripts/server.mjs) on ${origin}, PostgreSQL database ${dbName}, pool ${POOL}`);

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
  const hasFloor = await fetch(`${origin}/api/health`).then(
    (r) => r.status === 200,
    () => false,
  );

  const env = {
    BENCH_TOKEN: token,
    BENCH_PROVIDER: "bench-0",
    BENCH_INSTALLATION: inst.id,
    BENCH_METRIC: metric.metric_definition_id,
    BENCH_RUN: Date.now().toString(36),
  };
  const portico: Target = {
    url: origin,
    pgid: server.child.pid!,
    db: { adminUrl: process.env.DATABASE_URL, name: dbName },
  };
  // Warm-up: every route compiled and JIT-warm before measuring.
  await wrk(portico, "mix", 3, CONNECTIONS, env);
  for (const { mode } of ROUTES) if (mode !== "health" || hasFloor) await wrk(portico, mode, 1, ROUTE_CONNECTIONS, env);

  let bad = 0;
  let mix: Run | undefined;
  if (!ONLY) {
    console.log(`\nThe mix: wrk, ${CONNECTIONS} connections, ${THREADS} threads, 127.0.0.1, timeout 30 s`);
    mix = await wrk(portico, "mix", SECONDS, CONNECTIONS, env);
    console.log(line(`Portico mix (4 list/2 search/2 report/2 ingest), ${SECONDS} s`, mix));
    bad += errors(mix);
  }

  console.log(`\nEach route alone: wrk, ${ROUTE_CONNECTIONS} connections, ${ROUTE_SECONDS} s each`);
  if (!hasFloor) console.log("(GET /api/health does not answer 200 on this build: no floor to compare with)");
  const results = new Map<string, Run>();
  for (const { mode, label } of ROUTES) {
    if ((mode === "health" && !hasFloor) || (ONLY && !ONLY.includes(mode))) continue;
    const r = await wrk(portico, mode, ROUTE_SECONDS, ROUTE_CONNECTIONS, env);
    results.set(mode, r);
    bad += errors(r);
    const floor = results.get("health");
    const rel = floor && mode !== "health" ? `  (${(rps(r) / rps(floor)).toFixed(2)} × floor)` : "";
    console.log(line(label, r) + rel);
  }
  for (const g of goals(results)) console.log(g);
  await stopGroup(server);
  if (PROFILE_DIR) console.log(`CPU profile of the server written to ${PROFILE_DIR}`);

  if (!ONLY) {
    const bareLog = path.join(tmp, "bare.log");
    const bare = startDetached(
      [path.join(root, "scripts", "bench-load", "bare-server.mjs")],
      { DATABASE_URL: dbUrl.toString(), PORT: String(barePort), PORTICO_DB_POOL_SIZE: POOL },
      bareLog,
    );
    await waitFor(`http://127.0.0.1:${barePort}/accounting-system/providers?page=1&size=10`, {}, bare, bareLog);
    const bareTarget: Target = { url: `http://127.0.0.1:${barePort}`, pgid: bare.child.pid!, db: portico.db };
    await wrk(bareTarget, "list", 2, ROUTE_CONNECTIONS, env);
    const bareList = await wrk(bareTarget, "list", COMPARE_SECONDS, ROUTE_CONNECTIONS, env);
    console.log(`\n${line(`bare node:http + pg, same page, ${COMPARE_SECONDS} s`, bareList)}`);
    await stopGroup(bare);
    bad += errors(bareList);
    const list = results.get("list")!;
    console.log(
      `Provider list page: Portico ${rps(list).toFixed(0)} req/s vs bare ${rps(bareList).toFixed(0)} req/s → ratio ${(rps(list) / rps(bareList)).toFixed(2)} (p99 ${ms(list.p99)} vs ${ms(bareList.p99)})`,
    );
    console.log(
      `Server CPU per list request: Portico ${list.cpuMsPerRequest.toFixed(2)} ms vs bare ${bareList.cpuMsPerRequest.toFixed(2)} ms`,
    );
    console.log(
      `Portico server RSS (MB) every 10 s through the mix: ${mix!.rssMb.map((v) => v.toFixed(0)).join(" → ")}`,
    );
  }
  console.log(bad ? `FAILED: ${bad} errors under load` : "0 errors under load ✓");
  if (bad) process.exitCode = 1;
}

runScript(main, children, cleanups, (e) => {
  if (!process.exitCode) console.error(e);
});
