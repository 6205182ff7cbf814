// The client's address comes from the connection (issue 14). The two attacks that worked against `npm start`
// are sent exactly as described, each from a loopback address of its own (Linux routes all of 127/8 to the
// server on 127.0.0.1, so a test can be several real clients); then the same through a trusted proxy.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN } from "../accounts";

const serverPort = Number(process.env.E2E_PORT || 3100);
const PROXY_ADDRESS = "127.0.0.2"; // PORTICO_TRUSTED_PROXIES of the e2e server (playwright.config.ts)
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A fresh loopback address: one client of its own. */
const newClient = () =>
  `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const forged = () => `203.0.113.${Math.floor(Math.random() * 250)}`;

/** One HTTP request from `from` (the socket's source address) to `port` on 127.0.0.1. */
function send(
  from: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string; port?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: opts.port ?? serverPort, localAddress: from, method, path, headers: opts.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

const spec = () => ({
  id: `addr-${randomUUID().slice(0, 8)}`,
  domain: "127.0.0.1",
  https: false,
  port: 9,
  product: { id: "", category: "", provider: "ucloud_core" },
});

function requestApproval(from: string, headers: Record<string, string>, port?: number) {
  const body = JSON.stringify({ type: "information", specification: spec() });
  return send(from, "POST", "/api/providers/requestApproval", {
    port,
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

async function auditSummary(action: string, correlationId: string) {
  const res = await send("127.0.0.1", "GET", `/api/audit-events?action=${action}&correlationId=${correlationId}`, {
    headers: admin,
  });
  expect(res.status).toBe(200);
  const items = (JSON.parse(res.body) as { items: { summary: Record<string, unknown> }[] }).items;
  expect(items).toHaveLength(1);
  return items[0].summary;
}

/** Fixed one-minute windows: start a burst early in one, so all of it falls in the same window. */
async function startOfAWindow() {
  const into = Date.now() % 60_000;
  if (into > 40_000) await new Promise((r) => setTimeout(r, 60_000 - into + 200));
}

/** next-auth's credentials sign-in as a browser form posts it: a CSRF token and its cookie first. */
async function signIn(from: string, login: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await send(from, "GET", "/api/auth/csrf", { headers });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return send(from, "POST", "/api/auth/callback/credentials", {
    headers: {
      ...headers,
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      origin: `http://127.0.0.1:${serverPort}`,
    },
    body: new URLSearchParams({ login, password, csrfToken, callbackUrl: "/" }).toString(),
  });
}

const signedIn = (r: Reply) =>
  r.status === 302 && (r.headers["set-cookie"] ?? []).some((c) => c.startsWith("authjs.session-token="));

test("40 requestApproval calls from one address, each with a new forged X-Forwarded-For: 30 pass, 10 are refused; the audit and access logs name the real address", async () => {
  const attacker = newClient();
  await startOfAWindow();
  const replies = [];
  for (let i = 0; i < 40; i++)
    replies.push(
      await requestApproval(attacker, {
        "x-forwarded-for": forged(),
        "x-real-ip": forged(),
        forwarded: `for=${forged()}`,
      }),
    );
  expect(replies.filter((r) => r.status === 200)).toHaveLength(30);
  expect(replies.filter((r) => r.status === 429)).toHaveLength(10);
  expect(replies.slice(30).every((r) => Number(r.headers["retry-after"]) > 0)).toBe(true);

  const correlationId = replies[0].headers["x-correlation-id"] as string;
  expect((await auditSummary("registration.request", correlationId)).requesterIp).toBe(attacker);
  // The server's stdout, which playwright.config.ts tees into .data/e2e-server.log.
  await expect
    .poll(() => {
      const line = fs
        .readFileSync(".data/e2e-server.log", "utf8")
        .split("\n")
        .find((l) => l.includes(`"correlationId":"${correlationId}"`) && l.includes('"msg":"request"'));
      return line ? JSON.parse(line).client : undefined;
    })
    .toBe(attacker);
});

test("30 wrong passwords for one account, each with a new forged address: refused after 5; its owner still signs in from elsewhere, audited with the real address", async () => {
  const name = `victim-${randomUUID().slice(0, 8)}`;
  const password = `owner-${randomUUID()}`;
  const created = await send("127.0.0.1", "POST", "/api/admin/users", {
    headers: { ...admin, "content-type": "application/json" },
    body: JSON.stringify({ email: `${name}@example.test`, username: name, password }),
  });
  expect(created.status).toBe(201);

  const attacker = newClient();
  const replies = [];
  for (let i = 0; i < 30; i++)
    replies.push(await signIn(attacker, name, `guess-${i}`, { "x-forwarded-for": forged(), "x-real-ip": forged() }));
  expect(replies.slice(0, 5).every((r) => r.status === 302 && !signedIn(r))).toBe(true); // wrong password
  expect(replies.slice(5).map((r) => r.status)).toEqual(Array(25).fill(429));

  const owner = newClient();
  const ownerForges = forged();
  const ok = await signIn(owner, name, password, { "x-forwarded-for": ownerForges, "x-correlation-id": `e2e-${name}` });
  expect(signedIn(ok)).toBe(true);
  expect((await auditSummary("user.login", `e2e-${name}`)).ip).toBe(owner);
});

test("behind a trusted proxy the real client's address counts, and neither the client nor an untrusted hop can inject one", async () => {
  // A reverse proxy on 127.0.0.1 as nginx is set up (`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`):
  // it appends the address it saw, and connects to Portico from PROXY_ADDRESS, which the server trusts.
  const proxy = http.createServer((req, res) => {
    const seen = req.socket.remoteAddress!;
    const xff = req.headers["x-forwarded-for"];
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: serverPort,
        localAddress: PROXY_ADDRESS,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": xff ? `${xff}, ${seen}` : seen },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  const proxyPort = (proxy.address() as AddressInfo).port;
  try {
    const client = newClient();
    const plain = await requestApproval(client, {}, proxyPort);
    expect(plain.status).toBe(200);
    expect((await auditSummary("registration.request", plain.headers["x-correlation-id"] as string)).requesterIp).toBe(
      client,
    );
    // The client (or any untrusted hop before the proxy) writes its own X-Forwarded-For: it stays to the left.
    const injected = await requestApproval(client, { "x-forwarded-for": "198.51.100.1, 127.0.0.2" }, proxyPort);
    expect(injected.status).toBe(200);
    const summary = await auditSummary("registration.request", injected.headers["x-correlation-id"] as string);
    expect(summary.requesterIp).toBe(client);

    // Per-address limits follow the real clients behind the proxy: one client's 31st call is refused, another's passes.
    await startOfAWindow();
    const busy = newClient();
    const calls = [];
    for (let i = 0; i < 31; i++) calls.push(await requestApproval(busy, { "x-forwarded-for": forged() }, proxyPort));
    expect(calls.filter((r) => r.status === 200)).toHaveLength(30);
    expect(calls[30].status).toBe(429);
    expect((await requestApproval(newClient(), {}, proxyPort)).status).toBe(200);

    // Sent straight to Portico (not through the proxy), the same header counts for nothing.
    const direct = newClient();
    const bypass = await requestApproval(direct, { "x-forwarded-for": "198.51.100.1" });
    expect((await auditSummary("registration.request", bypass.headers["x-correlation-id"] as string)).requesterIp).toBe(
      direct,
    );
  } finally {
    await new Promise<void>((r) => proxy.close(() => r()));
  }
});
