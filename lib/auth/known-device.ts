import crypto from "node:crypto";
import { derivedKey } from "@/lib/crypto/server-secret";

/**
 * A browser that has signed in to an account before carries a signed tag for it (OWASP's "device cookie"),
 * so the account-wide sign-in limit, which a botnet can exhaust, does not lock the account's owner out.
 * A tag names the user and its expiry, keyed with the server secret: nobody can make one without signing in.
 */
export const KNOWN_DEVICE_COOKIE = "portico-known-device";
export const KNOWN_DEVICE_DAYS = 90;
const MAX_TAGS = 5;

function mac(userId: string, expires: string): string {
  return crypto
    .createHmac("sha256", derivedKey("known-device"))
    .update(`${userId}|${expires}`)
    .digest("hex")
    .slice(0, 32);
}

function tagsOf(cookieValue: string | undefined): string[] {
  return (cookieValue ?? "").split(".").filter((t) => /^[0-9a-z]{1,12}_[0-9a-f]{32}$/.test(t));
}

function cookieFrom(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === KNOWN_DEVICE_COOKIE) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Whether the request's cookies hold an unexpired tag for this user. */
export function isKnownDevice(cookieHeader: string | null, userId: string, now = Date.now()): boolean {
  return tagsOf(cookieFrom(cookieHeader)).some((tag) => {
    const [expires, sig] = tag.split("_");
    const good = Buffer.from(mac(userId, expires));
    return parseInt(expires, 36) * 1000 > now && crypto.timingSafeEqual(Buffer.from(sig), good);
  });
}

/** The cookie's new value after this user signed in: a fresh tag first, expired ones dropped, at most five accounts. */
export function rememberDevice(cookieHeader: string | null, userId: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000 + KNOWN_DEVICE_DAYS * 86400).toString(36);
  const kept = tagsOf(cookieFrom(cookieHeader)).filter((tag) => {
    const [exp, sig] = tag.split("_");
    return parseInt(exp, 36) * 1000 > now && sig !== mac(userId, exp);
  });
  return [`${expires}_${mac(userId, expires)}`, ...kept].slice(0, MAX_TAGS).join(".");
}
