// `npm run bench:pages`: every portal page as each demo role, on PGlite and (with DATABASE_URL) on PostgreSQL.
// Starts the built server (`scripts/server.mjs`, as `npm start` runs it) on a fresh demo database, signs each demo account in through
// next-auth's credentials endpoint, finds the pages (every app/**/page.tsx; a dynamic one such as
// /providers/[id] through the first link to it on the role's other pages), and for each page and role prints:
// the status, server time p50/p95 (time to the last byte on 127.0.0.1, sequential requests), HTML bytes, and
// the JavaScript the page loads (its <script src> chunks, gzip-compressed) — and whether one of them is the
// chart library (recharts). Then the issue's goals: p50 ≤ 100 ms and HTML ≤ 200 kB on every page, the
// public pages (catalogue, sign-in) ≤ 150 kB of compressed JavaScript.
//
//   npm run bench:pages                       (PGlite; with DATABASE_URL, PostgreSQL as well)
//   BENCH_PAGE_REQUESTS=20 (measured requests per page and role)  BENCH_PORT=<n> (default: a free port)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createScratchDatabase } from "../lib/db/scratch-database";
import { freePort, runScript, startNodeGroup, stopGroup, type GroupChild } from "./lib/process-group";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverScript = path.join(root, "scripts", "server.mjs"); // what `npm start` runs
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS || 20);
const ACCOUNTS = {
  admin: { login: "admin@portico.local", password: "portico-admin" },
  support: { login: "support@portico.local", password: "portico-support" },
  provider: { login: "provider@portico.local", password: "portico-provider" },
  member: { login: "member@portico.local", password: "portico-member" },
} as const;
type Role = keyof typeof ACCOUNTS | "signed out";
const PUBLIC_PAGES = ["/login", "/catalogue", "/catalogue/[uuid]"];
const GOAL = { p50Ms: 100, htmlBytes: 200_000, publicJsBytes: 150_000 };

const children: GroupChild[] = [];
const cleanups: (() => Promise<void>)[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

function get(origin: string, p: string, cookie?: string, init: { method?: string; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (init.body) headers["content-type"] = "application/x-www-form-urlencoded";
    const req = http.request(`${origin}${p}`, { method: init.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

const setCookies = (a: Answer) => (a.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** Signs a demo account in through next-auth's credentials callback; the session cookie. */
async function signIn(origin: string, role: keyof typeof ACCOUNTS): Promise<string> {
  const csrf = await get(origin, "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const body = new URLSearchParams({ ...ACCOUNTS[role], csrfToken, callbackUrl: "/" }).toString();
  const res = await get(origin, "/api/auth/callback/credentials", setCookies(csrf).join("; "), {
    method: "POST",
    body,
  });
  const session = setCookies(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Signing in as ${role} failed (${res.status} → ${res.headers.location})`);
  return session;
}

/** Every page route of the app as `/a/[b]` patterns: route groups dropped, sorted. */
function pageRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string, parts: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name.startsWith("_") || e.name === "api") continue;
        walk(path.join(dir, e.name), /^\(.*\)$/.test(e.name) ? parts : [...parts, e.name]);
      } else if (e.name === "page.tsx") out.push(`/${parts.join("/")}`);
    }
  };
  walk(path.join(root, "app"), []);
  return out.sort();
}

const isDynamic = (route: string) => route.includes("[");
const routeRegex = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/?#]+").replace(/\//g, "\\/")}$`);

/** The links of a page's HTML, as paths without query or fragment. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1].replace(/&amp;/g, "&"));
}

/** The script chunks a page loads. */
function scriptsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")))];
}

const chunkCache = new Map<string, { gz: number; chart: boolean }>();
async function chunk(origin: string, src: string) {
  if (!chunkCache.has(src)) {
    const res = await get(origin, src);
    const text = res.body.toString();
    chunkCache.set(src, { gz: zlib.gzipSync(res.body).length, chart: text.includes("recharts") });
  }
  return chunkCache.get(src)!;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

type Row = {
  role: Role;
  page: string;
  status: number;
  p50: number;
  p95: number;
  html: number;
  js: number;
  chunks: number;
  chart: boolean;
};

async function measure(origin: string, role: Role, page: string, cookie?: string): Promise<Row> {
  for (let i = 0; i < 2; i++) await get(origin, page, cookie); // compiled and warm
  const times: number[] = [];
  let last: Answer | undefined;
  for (let i = 0; i < REQUESTS; i++) {
    last = await get(origin, page, cookie);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  const html = last!.body.toString();
  const scripts = last!.status === 200 ? scriptsOf(html) : [];
  const sizes = await Promise.all(scripts.map((s) => chunk(origin, s)));
  return {
    role,
    page,
    status: last!.status,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    html: last!.body.length,
    js: sizes.reduce((s, c) => s + c.gz, 0),
    chunks: scripts.length,
    chart: sizes.some((c) => c.chart),
  };
}

async function waitUp(origin: string, server: GroupChild, log: string) {
  const until = Date.now() + 180_000;
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`The server exited:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    const ok = await get(origin, "/login").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`No answer within 180 s:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function benchBackend(label: string, env: Record<string, string>, tmp: string): Promise<Row[]> {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const log = path.join(tmp, `server-${label}.log`);
  const server = startNodeGroup([serverScript], {
    cwd: root,
    log,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PORTICO_SEED_DEMO: "true",
      PORTICO_LOG_REQUESTS: "false",
      PORTICO_BACKGROUND_JOBS: "off",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  children.push(server);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUp(origin, server, log);
    const routes = pageRoutes();
    const rows: Row[] = [];
    const sessions: [Role, string | undefined][] = [["signed out", undefined]];
    for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
      sessions.push([role, await signIn(origin, role)]);
    for (const [role, cookie] of sessions) {
      const mine = role === "signed out" ? routes.filter((r) => PUBLIC_PAGES.includes(r)) : routes;
      // Dynamic pages: the first link to each found on the role's static pages (then on the found ones).
      const concrete = new Map<string, string>();
      const pending = mine.filter((r) => !isDynamic(r));
      const seen = new Set<string>();
      while (pending.length) {
        const page = pending.shift()!;
        if (seen.has(page)) continue;
        seen.add(page);
        const res = await get(origin, page, cookie);
        if (res.status !== 200) continue;
        for (const link of linksOf(res.body.toString()))
          for (const route of mine.filter(isDynamic))
            if (!concrete.has(route) && routeRegex(route).test(link) && !mine.includes(link)) {
              concrete.set(route, link);
              pending.push(link);
            }
      }
      for (const route of mine) {
        const page = isDynamic(route) ? concrete.get(route) : route;
        if (!page) {
          console.log(`  ${label} · ${role}: ${route} — no link to it found on this role's pages, not measured`);
          continue;
        }
        const row = await measure(origin, role, page, cookie);
        rows.push(row);
      }
    }
    return rows;
  } finally {
    await stopGroup(server);
  }
}

function print(label: string, rows: Row[]) {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`\n${label} (load average ${os.loadavg()[0].toFixed(1)} at the end)`);
  console.log(
    `${"role".padEnd(11)} ${"page".padEnd(46)} status  ${"p50".padStart(8)} ${"p95".padStart(8)} ${"HTML".padStart(10)} ${"JS (gzip)".padStart(10)} chunks chart`,
  );
  for (const r of rows)
    console.log(
      `${r.role.padEnd(11)} ${r.page.slice(0, 46).padEnd(46)} ${String(r.status).padStart(6)}  ${`${r.p50.toFixed(0)} ms`.padStart(8)} ${`${r.p95.toFixed(0)} ms`.padStart(8)} ${kb(r.html).padStart(10)} ${kb(r.js).padStart(10)} ${String(r.chunks).padStart(6)} ${r.chart ? "yes" : "no"}`,
    );
  const ok = rows.filter((r) => r.status === 200);
  const slow = ok.filter((r) => r.p50 > GOAL.p50Ms);
  const heavy = ok.filter((r) => r.html > GOAL.htmlBytes);
  const publicJs = ok.filter((r) => r.role === "signed out" && r.js > GOAL.publicJsBytes);
  const mark = (list: Row[]) => (list.length ? "✗" : "✓");
  const names = (list: Row[]) => list.map((r) => `${r.role} ${r.page}`).join(", ");
  console.log(`${mark(slow)} p50 ≤ ${GOAL.p50Ms} ms on every page: ${slow.length ? names(slow) : "all"}`);
  console.log(`${mark(heavy)} HTML ≤ ${kb(GOAL.htmlBytes)} on every page${heavy.length ? `: ${names(heavy)}` : ""}`);
  console.log(
    `${mark(publicJs)} public pages ≤ ${kb(GOAL.publicJsBytes)} of compressed JavaScript${publicJs.length ? `: ${names(publicJs)}` : ""}`,
  );
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("No build found: run `npm run build` first.");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-pages-"));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const pglite = await benchBackend("PGlite", { DATABASE_URL: "", PORTICO_DATA_DIR: path.join(tmp, "pglite") }, tmp);
  print("PGlite (embedded), demo data", pglite);
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "pages");
    cleanups.push(scratch.drop);
    const pg = await benchBackend("PostgreSQL", { DATABASE_URL: scratch.url }, tmp);
    print("PostgreSQL, demo data", pg);
  } else console.log("\n(DATABASE_URL unset: PostgreSQL not measured)");
}

cleanups.push(async () => agent.destroy());
runScript(main, children, cleanups);
