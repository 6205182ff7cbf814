import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** A new endpoint secret in the Standard Webhooks format: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = () => `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;

const keyOf = (secret: string) =>
  Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret, "base64");

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,` + base64 HMAC-SHA256 over
 * `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the secret's base64-decoded bytes.
 */
export function signWebhook(secret: string, msg: { id: string; timestamp: number; body: string }): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${msg.id}.${msg.timestamp}.${msg.body}`).digest("base64");
  return `v1,${mac}`;
}

/**
 * What a receiver does (and the tests): recompute the signature, compare in constant time with each `v1,`
 * entry of the header, and refuse timestamps more than `toleranceS` away (replays).
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  opts: { now?: number; toleranceS?: number } = {},
): boolean {
  const ts = Number(headers.timestamp);
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (!Number.isInteger(ts) || Math.abs(now - ts) > (opts.toleranceS ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, { id: headers.id, timestamp: ts, body }).slice(3), "base64");
  return headers.signature.split(" ").some((part) => {
    const [version, value] = part.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
