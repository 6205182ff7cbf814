import { randomUUID } from "node:crypto";
import { and, inArray, lte, notExists, sql, eq } from "drizzle-orm";
import { events, registrationRequests } from "@/drizzle/schema";
import type { BackgroundJob } from "@/lib/jobs/background-job";
import type { Db } from "@/lib/db/types";
import { emitEvent } from "@/lib/notifications/emit-event";

const expiredKey = sql`'registration.expired:' || ${registrationRequests.id}::text`;

/**
 * Tells of every undecided registration request whose time ran out: `registration.expired`, once per request
 * (the event's dedupe key), to its signer and requester — and to the admins when it was signed and so waited
 * in their queue. Safe in any number of processes; returns how many it told of.
 */
export async function announceExpiredRegistrations(db: Db, now = new Date(), limit = 100): Promise<number> {
  let told = 0;
  for (;;) {
    const due = await db
      .select()
      .from(registrationRequests)
      .where(
        and(
          inArray(registrationRequests.status, ["pending", "signed"]),
          lte(registrationRequests.expiresAt, now),
          notExists(
            db
              .select({ one: sql`1` })
              .from(events)
              .where(eq(events.dedupeKey, expiredKey)),
          ),
        ),
      )
      .orderBy(registrationRequests.expiresAt)
      .limit(limit);
    for (const r of due) {
      // one transaction per event: its inbox entries, mails and webhook deliveries are written together
      const event = await db.transaction((tx) =>
        emitEvent(
          tx,
          { actor: null, correlationId: randomUUID() },
          {
            kind: "registration.expired",
            subject: { type: "registration", id: r.id },
            title: `Provider registration expired: ${r.name || r.specId}`,
            body: `The registration request for ${r.specId} (${r.domain}) was ${r.status === "signed" ? "signed but not decided" : "not signed"} before it expired on ${r.expiresAt.toISOString().slice(0, 10)}. Start the integration module again to get a new request.`,
            link: "/",
            data: { registrationId: r.id, specId: r.specId, domain: r.domain, status: r.status },
            audience: { users: [r.signedBy, r.requestedBy], admins: r.status === "signed" },
            dedupeKey: `registration.expired:${r.id}`,
          },
        ),
      );
      if (event) told++;
    }
    if (due.length < limit) return told; // otherwise the next batch: those told of no longer match
  }
}

export const registrationExpiryJob: BackgroundJob = {
  name: "registration-expiry",
  intervalMs: Number(process.env.PORTICO_EXPIRY_POLL_MS || 300_000),
  run: async (db) => void (await announceExpiredRegistrations(db)),
};
