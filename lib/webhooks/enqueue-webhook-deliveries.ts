import { and, eq, or, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type EventRow } from "@/drizzle/schema";
import { config } from "@/lib/config";
import type { Executor } from "@/lib/db/client";

/**
 * In the event's transaction: one delivery for each active endpoint of the event's organisation that wants
 * this kind. The (endpoint, event) pair is unique, so an event is never queued twice for one endpoint.
 */
export async function enqueueWebhookDeliveries(tx: Executor, event: EventRow): Promise<number> {
  if (!event.organisationId) return 0;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organisationId, event.organisationId),
        eq(webhookEndpoints.active, true),
        or(sql`cardinality(${webhookEndpoints.kinds}) = 0`, sql`${event.kind} = any(${webhookEndpoints.kinds})`),
      ),
    );
  if (!endpoints.length) return 0;
  const rows = await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((e) => ({ endpointId: e.id, eventId: event.id, maxAttempts: config.webhookMaxAttempts })))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
