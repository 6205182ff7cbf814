import { config } from "@/lib/config";
import { normalizeAddress, type TrustedProxies } from "./trusted-proxies";

/**
 * The header in which Portico's own server (scripts/server.mjs) hands the socket's address to the app.
 * It overwrites any copy the caller sent, on every request, before Next.js sees it.
 *
 * Why not read the address Next.js gives: in `next start`, Next's base server does
 * `req.headers['x-forwarded-for'] ??= socket.remoteAddress` (next/dist/server/base-server.js), so a route
 * handler, a server action and next-auth's `authorize` all see an `X-Forwarded-For` that is either the
 * socket's address or whatever the caller wrote — they cannot tell which. Only the server that accepted
 * the connection knows; lib/http/client-address.test.ts shows Next's header carrying a forged value.
 */
export const PEER_ADDRESS_HEADER = "x-portico-peer-address";

/** Set by scripts/server.mjs in its process: requests here carry PEER_ADDRESS_HEADER, written by Portico. */
export const PEER_ADDRESS_MARK = Symbol.for("portico.peer-address-header");

/** What the address is when the server is not Portico's own (plain `next start`): nobody's to choose. */
export const UNKNOWN_ADDRESS = "unknown";

type Options = { proxies?: TrustedProxies; header?: "x-forwarded-for" | "x-real-ip" | "forwarded" };

let warned = false;

function peerAddress(headers: Headers): string | null {
  if ((globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK] !== true) {
    if (!warned) {
      warned = true;
      console.warn(
        JSON.stringify({
          level: "warn",
          msg: "client addresses are unknown: serve with `npm start` (scripts/server.mjs), not `next start`",
        }),
      );
    }
    return null;
  }
  const raw = headers.get(PEER_ADDRESS_HEADER);
  return raw ? normalizeAddress(raw) : null;
}

/** The hops a forwarding header lists, nearest the client first. */
function forwardedHops(headers: Headers, header: NonNullable<Options["header"]>): string[] {
  const value = headers.get(header);
  if (!value) return [];
  if (header === "x-real-ip") return [value];
  if (header === "x-forwarded-for") return value.split(",");
  // RFC 7239: `for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"`
  return value.split(",").map((element) => {
    const pair = element.split(";").find((p) => p.trim().toLowerCase().startsWith("for="));
    return pair ? pair.trim().slice(4) : "";
  });
}

/**
 * The address of whoever sent this request, for rate limits, the audit log and the access log.
 *
 * It is the connection's address, unless that is a proxy `PORTICO_TRUSTED_PROXIES` vouches for: then the
 * one forwarding header the proxies write (`PORTICO_TRUSTED_PROXY_HEADER`) is read from the right, one
 * trusted hop at a time, and the first address no trusted proxy owns is the client. Entries to its left
 * were written by the client or an untrusted hop and never count. A hop that is not an address ends the
 * walk at the proxy that reported it.
 */
export function clientAddress(headers: Headers, opts: Options = {}): string {
  const peer = peerAddress(headers);
  if (!peer) return UNKNOWN_ADDRESS;
  const proxies = opts.proxies ?? config.trustedProxies;
  if (!proxies.has(peer)) return peer;
  const hops = forwardedHops(headers, opts.header ?? config.trustedProxyHeader);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) break;
    client = hop;
    if (!proxies.has(hop)) break;
  }
  return client;
}
