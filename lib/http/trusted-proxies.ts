import net from "node:net";

/** The proxies whose forwarding headers count: addresses and CIDR ranges, IPv4 and IPv6. */
export type TrustedProxies = { has(address: string): boolean; readonly size: number };

/**
 * An address as a socket or a forwarding header gives it, in canonical form, or null when it is not one:
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a dual-stack socket reports) becomes IPv4; brackets, a port
 * (`[2001:db8::1]:4711`, `192.0.2.60:8080`, as RFC 7239 allows in `Forwarded`) and quotes are dropped.
 */
export function normalizeAddress(raw: string): string | null {
  let a = raw.trim().replace(/^"(.*)"$/, "$1");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%[\w.-]+$/, ""); // an IPv6 zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  const family = net.isIP(a);
  if (family === 4) return a;
  if (family === 6) return new net.SocketAddress({ address: a, family: "ipv6" }).address;
  return null;
}

/**
 * `PORTICO_TRUSTED_PROXIES`: comma-separated addresses or CIDRs (`127.0.0.1, 10.0.0.0/8, fd00::/8`).
 * Throws on anything else, naming the entry, so a typo stops the server instead of trusting nothing.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  let size = 0;
  for (const entry of (spec ?? "").split(",").map((s) => s.trim())) {
    if (!entry) continue;
    const [addr, prefix, extra] = entry.split("/");
    const address = normalizeAddress(addr);
    const family = address && net.isIP(address) === 6 ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? (family === "ipv6" ? 128 : 32) : Number(prefix);
    if (
      !address ||
      extra !== undefined ||
      (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
      bits > (family === "ipv6" ? 128 : 32)
    )
      throw new Error(`PORTICO_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    list.addSubnet(address, bits, family);
    size++;
  }
  return {
    size,
    has(address: string) {
      const a = normalizeAddress(address);
      return a !== null && list.check(a, net.isIP(a) === 6 ? "ipv6" : "ipv4");
    },
  };
}
