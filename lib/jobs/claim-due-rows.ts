import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/types";

/** The columns an outbox table needs so that many processes can share its work (mail, webhooks). */
export type LeasedOutbox = PgTable & {
  id: PgColumn;
  status: PgColumn;
  nextAttemptAt: PgColumn;
  leaseUntil: PgColumn;
  claimId: PgColumn;
};

export const MAX_BACKOFF_MS = 6 * 3_600_000;

/** Exponential backoff: `base` after the first failed attempt, doubling, at most six hours. */
export const backoffAfter = (attempt: number, base: number) => Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1));

/**
 * Claims due `pending` rows under a lease: `FOR UPDATE SKIP LOCKED` keeps concurrent workers off each other's
 * rows, and the lease (`claim_id`, `lease_until`) lets another process take over from one that died mid-send.
 * The lease must be longer than a send can take, so it never ends while its holder still sends.
 */
export async function claimDueRows<T extends LeasedOutbox>(
  db: Db,
  table: T,
  opts: { now: Date; limit: number; leaseMs: number; onlyId?: string },
): Promise<{ claimId: string; rows: T["$inferSelect"][] }> {
  const claimId = randomUUID();
  const { now } = opts;
  const due = db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(
      and(
        eq(table.status, "pending"),
        lte(table.nextAttemptAt, now),
        or(isNull(table.leaseUntil), lt(table.leaseUntil, now)),
        opts.onlyId ? eq(table.id, opts.onlyId) : undefined,
      ),
    )
    .orderBy(table.nextAttemptAt)
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(table as PgTable)
    .set({ claimId, leaseUntil: new Date(now.getTime() + opts.leaseMs) } as never)
    .where(inArray(table.id, due))
    .returning();
  return { claimId, rows: rows as T["$inferSelect"][] };
}
