import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, lte, notExists, sql } from "drizzle-orm";
import { apiTokens, events } from "@/drizzle/schema";
import type { BackgroundJob } from "@/lib/jobs/background-job";
import type { Db } from "@/lib/db/types";
import { emitEvent } from "@/lib/notifications/emit-event";

const WEEK_MS = 7 * 86_400_000;
const expiringKey = sql`'token.expiring:' || ${apiTokens.id}::text`;

/**
 * `token.expiring` for every live API token that expires within 7 days, once per token (the event's dedupe
 * key in PostgreSQL), to its owner. Neither the token nor its prefix is in the message. Run daily.
 */
export async function announceExpiringTokens(db: Db, now = new Date(), limit = 500): Promise<number> {
  let told = 0;
  for (;;) {
    const due = await db
      .select()
      .from(apiTokens)
      .where(
        and(
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, now),
          lte(apiTokens.expiresAt, new Date(now.getTime() + WEEK_MS)),
          notExists(
            db
              .select({ one: sql`1` })
              .from(events)
              .where(eq(events.dedupeKey, expiringKey)),
          ),
        ),
      )
      .orderBy(apiTokens.expiresAt)
      .limit(limit);
    for (const t of due) {
      const on = t.expiresAt!.toISOString().replace("T", " ").slice(0, 16);
      // one transaction per event: its inbox entries, mails and webhook deliveries are written together
      const event = await db.transaction((tx) =>
        emitEvent(
          tx,
          { actor: null, correlationId: randomUUID() },
          {
            kind: "token.expiring",
            subject: { type: "api_token", id: t.id },
            title: `Your API token ${t.name} expires on ${on} UTC`,
            body: "Create a new token on the Tokens page and switch your scripts to it before then; the old one stops working when it expires.",
            link: "/tokens",
            data: { tokenId: t.id, name: t.name, expiresAt: t.expiresAt!.toISOString() },
            audience: { users: [t.userId] },
            dedupeKey: `token.expiring:${t.id}`,
          },
        ),
      );
      if (event) told++;
    }
    if (due.length < limit) return told; // otherwise the next batch: those told of no longer match
  }
}

export const tokenExpiryJob: BackgroundJob = {
  name: "token-expiry",
  intervalMs: 86_400_000,
  run: async (db) => void (await announceExpiringTokens(db)),
};
