import { eq } from "drizzle-orm";
import {
  events,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  type EventRow,
  type WebhookDeliveryRow,
} from "@/drizzle/schema";
import { config } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import { backoffAfter, claimDueRows } from "@/lib/jobs/claim-due-rows";
import { publicUrl } from "@/lib/mail/public-url";
import { WEBHOOK_SECRET_PURPOSE } from "./create-webhook";
import { sendWebhook, type SendOutcome } from "./send-webhook";
import { webhookSettings } from "./settings";
import { signWebhook } from "./signature";

const LEASE_MS = 60_000; // longer than a send can take (10 s), so a lease never ends while its holder still sends

/** The Standard Webhooks body: `{type, timestamp, data}`, the same bytes on every attempt. */
export function webhookPayload(event: EventRow): string {
  return JSON.stringify({
    type: event.kind,
    timestamp: event.createdAt.toISOString(),
    data: {
      ...event.data,
      eventId: event.id,
      subject: { type: event.subjectType, id: event.subjectId },
      organisationId: event.organisationId,
      title: event.title,
      link: publicUrl(event.link),
    },
  });
}

async function attempt(db: Db, row: WebhookDeliveryRow, allowPrivate: boolean): Promise<SendOutcome> {
  const [found] = await db
    .select({ endpoint: webhookEndpoints, event: events })
    .from(webhookEndpoints)
    .innerJoin(events, eq(events.id, row.eventId))
    .where(eq(webhookEndpoints.id, row.endpointId));
  if (!found) return { ok: false, httpStatus: null, error: "The endpoint is gone.", response: null, refused: true };
  if (!found.endpoint.active)
    return { ok: false, httpStatus: null, error: "The endpoint is paused.", response: null, refused: true };
  const body = webhookPayload(found.event);
  const timestamp = Math.floor(Date.now() / 1000);
  const secret = decryptSecret(found.endpoint.secretCiphertext, WEBHOOK_SECRET_PURPOSE);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Portico-Webhooks/1",
    "webhook-id": row.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, { id: row.id, timestamp, body }),
  };
  return sendWebhook(found.endpoint.url, headers, body, allowPrivate);
}

async function deliverOne(db: Db, row: WebhookDeliveryRow, claimId: string, worker: string, now: Date, allow: boolean) {
  const startedAt = new Date();
  const result = await attempt(db, row, allow);
  const durationMs = Date.now() - startedAt.getTime();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row.id)).for("update");
    if (!current || current.claimId !== claimId) return "lost" as const; // the lease ran out; another process took over
    const n = current.attempts + 1;
    await tx.insert(webhookAttempts).values({
      deliveryId: row.id,
      attempt: n,
      startedAt,
      durationMs,
      httpStatus: result.httpStatus,
      ok: result.ok,
      error: result.error,
      response: result.response,
      worker,
    });
    // A refused target or a paused endpoint will not change by waiting: it fails now and can be redelivered.
    const outcome = result.ok
      ? ("delivered" as const)
      : result.refused || n >= current.maxAttempts
        ? ("failed" as const)
        : ("retry" as const);
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: n,
        status: outcome === "retry" ? "pending" : outcome,
        claimId: null,
        leaseUntil: null,
        lastStatus: result.httpStatus,
        lastError: result.error,
        deliveredAt: result.ok ? new Date() : null,
        nextAttemptAt:
          outcome === "retry" ? new Date(now.getTime() + backoffAfter(n, config.webhookBackoffMs)) : undefined,
      })
      .where(eq(webhookDeliveries.id, row.id));
    return outcome;
  });
}

/**
 * The webhook worker: sends every due delivery once per claim. Safe in any number of processes: a
 * delivery is claimed by one of them under a lease, and its outcome is recorded only while that claim holds.
 */
export async function deliverDueWebhooks(
  db: Db,
  opts: { now?: Date; limit?: number; onlyId?: string; worker?: string } = {},
) {
  const now = opts.now ?? new Date();
  const { claimId, rows } = await claimDueRows(db, webhookDeliveries, {
    now,
    limit: opts.limit ?? 20,
    leaseMs: LEASE_MS,
    onlyId: opts.onlyId,
  });
  if (!rows.length) return [];
  const { allowPrivateTargets } = await webhookSettings(db);
  const worker = opts.worker ?? `pid-${process.pid}`;
  const outcomes = await Promise.all(rows.map((r) => deliverOne(db, r, claimId, worker, now, allowPrivateTargets)));
  return rows.map((r, i) => ({ id: r.id, outcome: outcomes[i] }));
}
