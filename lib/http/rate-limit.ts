import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type RateLimit = { name: string; limit: number; windowSeconds: number };

/**
 * Counts `cost` hits of `subject` in the rule's current window (a bulk call with several items counts
 * several): the hits so far, and the seconds the window still runs.
 */
export async function countRateLimitHit(
  db: Db,
  rule: RateLimit,
  subject: string,
  cost = 1,
): Promise<{ hits: number; retryAfterSeconds: number }> {
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
  return { hits, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000)) };
}

/**
 * Fixed-window counter kept in PostgreSQL, so every server process shares it.
 * Throws rate_limited (429 with Retry-After) once `limit` hits fall in the current window.
 * `cost` counts one request as several hits (a bulk call with several items).
 */
export async function hitRateLimit(db: Db, rule: RateLimit, subject: string, cost = 1): Promise<void> {
  if (process.env.PORTICO_RATE_LIMITS === "off") return;
  const { hits, retryAfterSeconds } = await countRateLimitHit(db, rule, subject, cost);
  if (hits > rule.limit)
    throw new AppError("rate_limited", `Too many requests. Try again in ${retryAfterSeconds} seconds.`, undefined, {
      retryAfterSeconds,
    });
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
