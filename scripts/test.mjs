#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration tests on PGlite (and on PostgreSQL when DATABASE_URL
// is set, in a fresh database), a production build, crash safety (scripts/crash-test.ts: kill -9 of the
// built server mid-write), the Waldur schema contract (scripts/contract.ts: every Waldur answer of the built
// server against Waldur's published schema, in both PORTICO_WALDUR_SUCCESS_CODES modes), and Playwright
// end-to-end tests in Chromium against the built server (`npm start`). Prints one closing line: "N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that step
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
fs.mkdirSync("test-results", { recursive: true });
fs.mkdirSync(".data", { recursive: true });
fs.rmSync(".data/e2e-server.log", { force: true });

function step(name, cmd, args, extraEnv = {}) {
  if (only.length && !only.includes(name)) return true;
  console.log(`\n=== ${name}: ${[path.basename(cmd), ...args].join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (!ok) broken = true;
  return ok;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.success || r.numFailedTests ? 0 : 1);
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

function countContract(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += r.passed;
  totals.failed += r.failed;
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
}

/** A fresh database on the server of DATABASE_URL, so runs never see each other's data. */
async function freshDatabase(suffix) {
  const base = new URL(process.env.DATABASE_URL);
  const name = `${base.pathname.slice(1) || "portico"}_${suffix}_${Date.now().toString(36)}`
    .replace(/[^a-z0-9_]/gi, "_")
    .toLowerCase();
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * No secret may reach a log: scan the server output of the whole e2e run for anything shaped like one
 * of our tokens, a JWT, a private key, or the bootstrap admin's password. (The demo accounts' passwords
 * are printed at start on purpose: they are public, in the README.)
 */
function secretsStayOutOfLogs() {
  const file = ".data/e2e-server.log";
  if (!fs.existsSync(file)) return;
  const log = fs.readFileSync(file, "utf8");
  const patterns = [
    /\b[a-z]{2,5}_[0-9A-Za-z]{46}\b/,
    /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/,
    /BEGIN [A-Z ]*PRIVATE KEY/,
    /bootstrap-admin-password/,
  ];
  const found = patterns.filter((re) => re.test(log)).map(String);
  console.log(
    `\n=== secrets: scanned ${log.length} bytes of server log — ${found.length ? "FOUND " + found.join(", ") : "none found"}`,
  );
  if (found.length) totals.failed++;
  else totals.passed++;
}

const withoutDb = { DATABASE_URL: "" };
step("typecheck", bin("tsc"), ["--noEmit"]);
step("lint", "npm", ["run", "--silent", "lint"]); // eslint (import cycles too) and the Prettier check
step("migrations", process.execPath, ["scripts/check-migrations.mjs"]);
for (const f of fs.readdirSync("test-results").filter((f) => f.startsWith("vitest-") || f.startsWith("e2e-")))
  fs.rmSync(path.join("test-results", f));
step(
  "unit",
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-pglite.json"],
  withoutDb,
);
countVitest("test-results/vitest-pglite.json");
if (process.env.DATABASE_URL && (!only.length || only.includes("postgres"))) {
  const url = await freshDatabase("it");
  step(
    "postgres",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-postgres.json"],
    { DATABASE_URL: url },
  );
  countVitest("test-results/vitest-postgres.json");
}
if (step("build", process.execPath, ["scripts/start.mjs", "--build-only"], withoutDb)) {
  // kill -9 of the built server mid-write, then restart and check (PGlite, and PostgreSQL when DATABASE_URL is set)
  step("crash", process.execPath, ["--import", "tsx", "scripts/crash-test.ts"], {
    CRASH_DB: process.env.DATABASE_URL ? "both" : "pglite",
  });
  // every Waldur answer against Waldur's published schema, with PORTICO_WALDUR_SUCCESS_CODES=waldur and by default
  fs.rmSync("test-results/contract.json", { force: true });
  if (!step("contract", process.execPath, ["--import", "tsx", "scripts/contract.ts"]))
    totals.failed += fs.existsSync("test-results/contract.json") ? 0 : 1;
  countContract("test-results/contract.json");
  const e2eDb = process.env.DATABASE_URL && (!only.length || only.includes("e2e")) ? await freshDatabase("e2e") : "";
  step("e2e", bin("playwright"), ["test"], { E2E_DATABASE_URL: e2eDb, DATABASE_URL: "" });
  countPlaywright("test-results/e2e-report.json");
  if (!only.length || only.includes("e2e")) secretsStayOutOfLogs();
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(broken || totals.failed ? 1 : 0);
