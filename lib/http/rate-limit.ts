import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type RateLimit = { name: string; limit: number; windowSeconds: number };

/**
 * Fixed-window counter kept in PostgreSQL, so every server process shares it.
 * Throws rate_limited (429 with Retry-After) once `limit` hits fall in the current window.
 * `cost` counts one request as several hits (a bulk call with several items).
 */
export async function hitRateLimit(db: Db, rule: RateLimit, subject: string, cost = 1): Promise<void> {
  if (process.env.PORTICO_RATE_LIMITS === "off") return;
  const key = `${rule.name}:${subject}`;
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const result = await db.execute<{ hits: number }>(sql`
    insert into rate_limit_windows (key, window_start, hits) values (${key}, ${windowStart.toISOString()}, ${cost})
    on conflict (key) do update set
      hits = case when rate_limit_windows.window_start = excluded.window_start then rate_limit_windows.hits + ${cost} else ${cost} end,
      window_start = excluded.window_start
    returning hits`);
  const hits = Number((result as unknown as { rows: { hits: number }[] }).rows[0].hits);
  if (hits > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000));
    throw new AppError("rate_limited", `Too many requests. Try again in ${retryAfterSeconds} seconds.`, undefined, {
      retryAfterSeconds,
    });
  }
}

/** Seconds until the subject may try again, or 0 when it is not limited right now (does not count a hit). */
export async function rateLimitRetryAfter(db: Db, rule: RateLimit, subject: string): Promise<number> {
  if (process.env.PORTICO_RATE_LIMITS === "off") return 0;
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const result = await db.execute<{ hits: number }>(
    sql`select hits from rate_limit_windows where key = ${`${rule.name}:${subject}`} and window_start = ${windowStart.toISOString()}`,
  );
  const hits = Number((result as unknown as { rows: { hits: number }[] }).rows[0]?.hits ?? 0);
  return hits >= rule.limit ? Math.max(1, Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000)) : 0;
}

// Sign-in attempts count per address and per (account, address): guessing one account's password is
// stopped, while its owner can still sign in from another address.
export const LOGIN_LIMITS = {
  perIp: { name: "login-ip", limit: Number(process.env.PORTICO_LOGIN_LIMIT_PER_IP || 20), windowSeconds: 300 },
  perAccount: {
    name: "login-account-ip",
    limit: Number(process.env.PORTICO_LOGIN_LIMIT_PER_ACCOUNT || 5),
    windowSeconds: 300,
  },
} satisfies Record<string, RateLimit>;

export const loginSubjects = (ip: string, login: string) => ({
  perIp: ip,
  perAccount: `${login.trim().toLowerCase()}|${ip}`,
});
