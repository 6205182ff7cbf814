import dns from "node:dns";
import net from "node:net";

// Where a webhook must not go unless an admin allows it (SSRF): private, loopback, link-local, shared
// (CGNAT), multicast, reserved and documentation ranges, and the unspecified address.
const blocked = new net.BlockList();
for (const [net4, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net4, bits, "ipv4");
for (const [net6, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const)
  blocked.addSubnet(net6, bits, "ipv6");

/** Whether an IP address is one a webhook may not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const kind = net.isIP(address);
  if (kind === 4) return blocked.check(address, "ipv4");
  if (kind !== 6) return true; // not an address at all: refuse
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, "ipv6");
}

export class PrivateTargetError extends Error {
  constructor(host: string, address: string) {
    super(
      `Refused: ${host} is a private, loopback or link-local address (${address}). An admin may allow such targets.`,
    );
  }
}

/**
 * A `lookup` for node:http(s) that checks every address a name resolves to at connect time, so a name
 * that resolves somewhere else a second later (DNS rebinding) is checked too.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new PrivateTargetError(hostname, bad.address) as NodeJS.ErrnoException, "", 4);
      if ((options as dns.LookupOptions).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** Refuses a URL whose host is, or resolves to, a private address (unless allowed). For creation-time checks. */
export async function checkWebhookTarget(url: URL, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost"))
    return `Refused: ${host} is a loopback name. An admin may allow such targets.`;
  if (net.isIP(host)) return isPrivateAddress(host) ? new PrivateTargetError(host, host).message : null;
  try {
    const addresses = await dns.promises.lookup(host, { all: true });
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    return bad ? new PrivateTargetError(host, bad.address).message : null;
  } catch {
    return null; // an unknown name now may exist later; every delivery checks again
  }
}
