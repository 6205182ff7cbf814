#!/usr/bin/env node
// `npm start`: build when there is no build of the current sources, then serve it with scripts/server.mjs
// (Next.js behind Portico's own HTTP server, which knows each request's socket address).
// Migrations, the demo seed and the admin bootstrap run inside the server at start (instrumentation.ts).
import { spawnSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function sourceHash() {
  const h = crypto.createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of [
    "app",
    "components",
    "lib",
    "drizzle",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "package.json",
    "postcss.config.mjs",
  ])
    walk(p);
  return h.digest("hex");
}

const stamp = path.join(root, ".next", "portico-source-hash");
const hash = sourceHash();
const built =
  fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
  fs.existsSync(stamp) &&
  fs.readFileSync(stamp, "utf8") === hash;
if (!built) {
  console.log("Building Portico (first start or sources changed)…");
  const r = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stamp, hash);
}

if (process.argv.includes("--build-only")) process.exit(0);

const port = process.env.PORT || "3000";
const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  stdio: "inherit",
  env: { ...process.env, PORT: port },
});
console.log(`Portico is starting on http://localhost:${port}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
