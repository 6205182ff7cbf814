import type { Db } from "@/lib/db/client";
import { hitRateLimit, type RateLimit } from "@/lib/http/rate-limit";

/**
 * Requests that e-mail a link count per client address and per target address (whether or not it has an
 * account, so the limit reveals nothing); following a link counts per client address.
 */
export const ACCOUNT_LIMITS = {
  mailPerIp: {
    name: "account-mail-ip",
    limit: Number(process.env.PORTICO_ACCOUNT_MAIL_LIMIT_PER_IP || 20),
    windowSeconds: 3600,
  },
  mailPerAddress: {
    name: "account-mail-address",
    limit: Number(process.env.PORTICO_ACCOUNT_MAIL_LIMIT_PER_ADDRESS || 5),
    windowSeconds: 3600,
  },
  linkPerIp: { name: "account-link-ip", limit: 30, windowSeconds: 300 },
} satisfies Record<string, RateLimit>;

/** Counts one "e-mail me a link" request; throws rate_limited past either limit. */
export async function limitAccountMail(db: Db, ip: string, email: string): Promise<void> {
  await hitRateLimit(db, ACCOUNT_LIMITS.mailPerIp, ip);
  await hitRateLimit(db, ACCOUNT_LIMITS.mailPerAddress, email.toLowerCase());
}

export const limitLinkUse = (db: Db, ip: string) => hitRateLimit(db, ACCOUNT_LIMITS.linkPerIp, ip);
