import { and, count, desc, eq, inArray } from "drizzle-orm";
import {
  events,
  organisationMembers,
  organisations,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookEndpointRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { isUuid } from "@/lib/registration/registration-guards";
import { notFound } from "@/lib/errors/app-error";
import type { WebhookDeliveryOutput, WebhookOutput } from "./schemas";

/** The organisations whose webhooks the person may see: all for admins and support, else those they own or manage. */
export async function webhookOrganisations(db: Executor, actor: Actor) {
  const all = actor.role === "admin" || actor.role === "support";
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .leftJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .where(
      all
        ? undefined
        : and(eq(organisationMembers.userId, actor.id), inArray(organisationMembers.role, ["owner", "manager"])),
    )
    .orderBy(organisations.name, organisations.id);
}

export const toWebhookOutput = (w: WebhookEndpointRow): WebhookOutput => ({
  id: w.id,
  organisationId: w.organisationId,
  url: w.url,
  description: w.description,
  kinds: w.kinds,
  active: w.active,
  secretPrefix: w.secretPrefix,
  createdAt: w.createdAt.toISOString(),
});

export async function listWebhooks(db: Executor, organisationId: string) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organisationId, organisationId))
    .orderBy(webhookEndpoints.createdAt);
}

/** One endpoint of the organisation (404 when it belongs to another). */
export async function getWebhook(db: Executor, organisationId: string, id: string): Promise<WebhookEndpointRow> {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId)))
    : [];
  if (!row) throw notFound("Webhook");
  return row;
}

/** An endpoint's delivery log, newest first, each with its attempts. */
export async function listWebhookDeliveries(db: Executor, endpointId: string, q: { page: number; size: number }) {
  const rows = await db
    .select({ d: webhookDeliveries, kind: events.kind, title: events.title })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const [{ total }] = await db
    .select({ total: count() })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId));
  const ids = rows.map((r) => r.d.id);
  const attempts = ids.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, ids))
        .orderBy(webhookAttempts.attempt)
    : [];
  const items: WebhookDeliveryOutput[] = rows.map(({ d, kind, title }) => ({
    id: d.id,
    eventId: d.eventId,
    kind,
    title,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    log: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.startedAt.toISOString(),
        durationMs: a.durationMs,
        httpStatus: a.httpStatus,
        ok: a.ok,
        error: a.error,
      })),
  }));
  return { items, total, page: q.page, size: q.size };
}
