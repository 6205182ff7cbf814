import crypto from "node:crypto";
import { derivedKey } from "./server-secret";

/** A new secret token: 256 random bits behind a readable prefix, e.g. `ptk_…`. */
export function generateToken(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString("base64url")}`;
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
