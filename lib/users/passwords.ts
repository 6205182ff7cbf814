import crypto from "node:crypto";
import { promisify } from "node:util";
import { COMMON_PASSWORDS } from "./common-passwords";

const scrypt = promisify(crypto.scrypt) as (
  pw: string | Buffer,
  salt: Buffer,
  keylen: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

// scrypt (memory-hard, in Node's crypto): N=2^15, r=8 uses 32 MiB per hash. Tests lower the cost.
const COST = Number(process.env.PORTICO_SCRYPT_COST || 2 ** 15);
const R = 8;
const P = 1;
const KEYLEN = 32;

/** `scrypt$N$r$p$salt$hash`; the whole password counts, however long (no 72-byte truncation). */
export async function hashPassword(plain: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(plain.normalize("NFC"), salt, KEYLEN, { N: COST, r: R, p: P, maxmem: 256 * COST * R });
  return ["scrypt", COST, R, P, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const N = Number(n);
  const actual = await scrypt(plain.normalize("NFC"), Buffer.from(salt, "base64url"), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return crypto.timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check when the account does not exist, so timing reveals nothing. */
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummy ??= hashPassword("portico-dummy-password");
  await verifyPassword(plain, await dummy);
}

/** Why a new password is refused, or null. Long passphrases are welcome; well-known ones are not. */
export function passwordProblem(plain: string, context: { email?: string; username?: string } = {}): string | null {
  if (plain.length < 10) return "At least 10 characters.";
  if (plain.length > 1024) return "At most 1024 characters.";
  const lower = plain.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(plain) || /^(0123456789|1234567890|abcdefghij)/.test(lower))
    return "This password is too common; choose another.";
  for (const v of [context.email, context.email?.split("@")[0], context.username])
    if (v && v.length >= 4 && lower.includes(v.toLowerCase()))
      return "The password must not contain your email or username.";
  return null;
}
