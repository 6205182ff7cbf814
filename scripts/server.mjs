#!/usr/bin/env node
// Portico's HTTP server: Next.js through its documented custom-server API (`next({...}).getRequestHandler()`),
// so that the server which accepts the connection — not the caller — says where a request came from. Every
// request gets the socket's address in `x-portico-peer-address`, overwriting any copy the caller sent,
// before Next.js sees it; lib/http/client-address.ts reads it (and, behind PORTICO_TRUSTED_PROXIES, the
// forwarding header). `next start` cannot do this: it fills `X-Forwarded-For` with the socket's address
// only when the caller sent none.
//
// `node scripts/server.mjs` serves the build in .next (scripts/start.mjs builds first); `--dev` runs `next dev`'s
// server instead. PORT (3000) and HOSTNAME (0.0.0.0) as with `next start`.
import http from "node:http";
import path from "node:path";

const PEER_ADDRESS_HEADER = "x-portico-peer-address"; // = PEER_ADDRESS_HEADER in lib/http/client-address.ts
const PEER_ADDRESS_MARK = Symbol.for("portico.peer-address-header");

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dev = process.argv.includes("--dev");
process.env.NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";

globalThis[PEER_ADDRESS_MARK] = true;
const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((err) => {
    console.error(JSON.stringify({ level: "error", msg: "request failed", error: String(err?.stack ?? err) }));
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
if (dev) server.on("upgrade", app.getUpgradeHandler()); // hot reload
server.listen(port, hostname, () => console.log(`Portico listening on http://${hostname}:${port}`));

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections?.();
    const timer = setTimeout(() => process.exit(0), 5000);
    timer.unref();
    app.close().finally(() => process.exit(0));
  });
