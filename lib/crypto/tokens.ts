import crypto from "node:crypto";
import zlib from "node:zlib";
import { derivedKey } from "./server-secret";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const base62 = (n: number, width: number) => {
  let out = "";
  for (let i = 0; i < width; i++, n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out;
};
const checksumOf = (body: string) => base62(zlib.crc32(body), 6);

/**
 * A new secret token: a type prefix, 240 random bits in base62 (40 chars) and a CRC32 checksum
 * (6 chars), e.g. `ptk_…`: secret scanners can recognise it, and typos fail without a lookup.
 */
export function generateToken(prefix: string): string {
  let body = "";
  while (body.length < 40)
    for (const b of crypto.randomBytes(48)) if (b < 248 && body.length < 40) body += BASE62[b % 62]; // no modulo bias
  return `${prefix}_${body}${checksumOf(body)}`;
}

/** False only for a token in our format whose checksum does not match (a typo or a forgery). */
export function plausibleToken(token: string): boolean {
  const m = /^[a-z]{2,5}_([0-9A-Za-z]{40})([0-9A-Za-z]{6})$/.exec(token);
  return !m || checksumOf(m[1]) === m[2];
}

/** Keyed digest used to look a token up without storing it. */
export function tokenDigest(token: string): string {
  return crypto.createHmac("sha256", derivedKey("token-digest")).update(token).digest("hex");
}

export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** AES-256-GCM with a key from the server secret; output `iv.tag.ciphertext` in base64url. */
export function encryptSecret(plain: string, purpose = "secret-encryption"): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function decryptSecret(sealed: string, purpose = "secret-encryption"): string {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = crypto.createDecipheriv("aes-256-gcm", derivedKey(purpose), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export function sha256Hex(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}
