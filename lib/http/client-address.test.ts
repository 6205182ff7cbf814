import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER, PEER_ADDRESS_MARK, UNKNOWN_ADDRESS } from "./client-address";
import { normalizeAddress, parseTrustedProxies } from "./trusted-proxies";

const none = parseTrustedProxies("");
const local = parseTrustedProxies("127.0.0.1");

/** Headers as the app sees them: the peer's address as scripts/server.mjs writes it, plus what the caller sent. */
const seen = (peer: string, sent: Record<string, string> = {}) => new Headers({ ...sent, [PEER_ADDRESS_HEADER]: peer });

describe("clientAddress", () => {
  it("is the connection's address, whatever forwarding headers the caller sends, when no proxy is trusted", () => {
    const forged = {
      "x-forwarded-for": "203.0.113.9",
      "x-real-ip": "203.0.113.10",
      forwarded: "for=203.0.113.11",
    };
    for (const header of ["x-forwarded-for", "x-real-ip", "forwarded"] as const)
      expect(clientAddress(seen("198.51.100.4", forged), { proxies: none, header })).toBe("198.51.100.4");
    expect(clientAddress(seen("::ffff:198.51.100.4", forged), { proxies: none })).toBe("198.51.100.4");
    expect(clientAddress(seen("2001:DB8:0::1", forged), { proxies: none })).toBe("2001:db8::1");
  });

  it("behind a trusted proxy, is the address the proxy saw", () => {
    const viaNginx = seen("127.0.0.1", { "x-forwarded-for": "198.51.100.4", "x-real-ip": "198.51.100.4" });
    expect(clientAddress(viaNginx, { proxies: local, header: "x-forwarded-for" })).toBe("198.51.100.4");
    expect(clientAddress(viaNginx, { proxies: local, header: "x-real-ip" })).toBe("198.51.100.4");
    const rfc7239 = seen("127.0.0.1", { forwarded: 'for="[2001:db8:cafe::17]:4711";proto=https' });
    expect(clientAddress(rfc7239, { proxies: local, header: "forwarded" })).toBe("2001:db8:cafe::17");
    // A direct request from the proxy's own host: Next.js fills X-Forwarded-For with the socket's address.
    expect(clientAddress(seen("127.0.0.1", { "x-forwarded-for": "127.0.0.1" }), { proxies: local })).toBe("127.0.0.1");
    expect(clientAddress(seen("127.0.0.1"), { proxies: local })).toBe("127.0.0.1");
  });

  it("reads the chain from the right across trusted hops only: an untrusted hop cannot inject an address", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");
    // client → 10.1.2.3 (trusted load balancer) → 127.0.0.1 (trusted nginx) → Portico; the client wrote 203.0.113.9.
    const chain = seen("127.0.0.1", { "x-forwarded-for": "203.0.113.9, 198.51.100.4, 10.1.2.3" });
    expect(clientAddress(chain, { proxies })).toBe("198.51.100.4");
    const v6 = seen("fd12::1", { "x-forwarded-for": "203.0.113.9,2001:db8::7" });
    expect(clientAddress(v6, { proxies })).toBe("2001:db8::7");
    // The same headers from a peer nobody trusts count for nothing.
    expect(clientAddress(seen("192.0.2.1", { "x-forwarded-for": "10.1.2.3" }), { proxies })).toBe("192.0.2.1");
    // Only the configured header counts: the proxy passes on the others as the caller wrote them.
    const forgedOther = seen("127.0.0.1", { "x-forwarded-for": "198.51.100.4", "x-real-ip": "203.0.113.9" });
    expect(clientAddress(forgedOther, { proxies, header: "x-forwarded-for" })).toBe("198.51.100.4");
    // A hop that is not an address ends the walk at the proxy that reported it.
    expect(clientAddress(seen("127.0.0.1", { "x-forwarded-for": "unknown" }), { proxies })).toBe("127.0.0.1");
    expect(clientAddress(seen("127.0.0.1", { forwarded: "for=_hidden" }), { proxies, header: "forwarded" })).toBe(
      "127.0.0.1",
    );
  });

  it("is unknown without Portico's server: a caller cannot supply the peer header to plain `next start`", () => {
    const g = globalThis as Record<symbol, unknown>;
    const before = g[PEER_ADDRESS_MARK];
    try {
      delete g[PEER_ADDRESS_MARK];
      expect(clientAddress(seen("198.51.100.4", { "x-forwarded-for": "203.0.113.9" }), { proxies: none })).toBe(
        UNKNOWN_ADDRESS,
      );
    } finally {
      g[PEER_ADDRESS_MARK] = before;
    }
  });

  it("is needed because Next.js itself writes X-Forwarded-For only when the caller did not", () => {
    // next/dist/server/base-server.js, in handleRequestImpl: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`.
    // A handler therefore sees the caller's value whenever one was sent. If Next changes this, revisit client-address.ts.
    const source = fs.readFileSync(path.join(process.cwd(), "node_modules/next/dist/server/base-server.js"), "utf8");
    expect(source).toMatch(/req\.headers\['x-forwarded-for'\] \?\?= [^;]*socket[^;]*remoteAddress;/);
  });
});

describe("PORTICO_TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR ranges of both families", () => {
    const p = parseTrustedProxies(" 127.0.0.1 , 10.0.0.0/8,::1, fd00::/8 ");
    expect(p.size).toBe(4);
    for (const a of ["127.0.0.1", "::ffff:127.0.0.1", "10.255.0.1", "::1", "fd00:1::2"]) expect(p.has(a)).toBe(true);
    for (const a of ["127.0.0.2", "11.0.0.1", "::2", "fe80::1", "nonsense"]) expect(p.has(a)).toBe(false);
  });

  it("refuses what is not an address or range, naming it", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/8/8", "10.0.0.0/x"])
      expect(() => parseTrustedProxies(bad)).toThrow(`"${bad}"`);
  });

  it("normalises the forms sockets and headers use", () => {
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normalizeAddress('"[2001:DB8::1]:443"')).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress(" 198.51.100.4 ")).toBe("198.51.100.4");
    expect(normalizeAddress("unknown")).toBeNull();
  });
});
