import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/registration/registration-guards";
import { requireWebhookAccess } from "./access";
import { getWebhook } from "./queries";

/**
 * "Redeliver": the message (same `webhook-id`, so a receiver can tell) becomes due now, with one more attempt
 * if it had run out. Delivered messages may be sent again too: a receiver may have lost one.
 */
export async function redeliverWebhook(ctx: ServiceContext, organisationId: string, endpointId: string, id: string) {
  await requireWebhookAccess(ctx.db, ctx.actor, organisationId, "write");
  await getWebhook(ctx.db, organisationId, endpointId);
  return ctx.db.transaction(async (tx) => {
    const [row] = isUuid(id)
      ? await tx
          .update(webhookDeliveries)
          .set({
            status: "pending",
            nextAttemptAt: new Date(),
            maxAttempts: sql`greatest(${webhookDeliveries.maxAttempts}, ${webhookDeliveries.attempts} + 1)`,
          })
          .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.endpointId, endpointId)))
          .returning()
      : [];
    if (!row) throw notFound("Delivery");
    await recordAudit(tx, ctx, {
      action: "webhook.redeliver",
      entityType: "webhook",
      entityId: endpointId,
      summary: { deliveryId: id, eventId: row.eventId },
    });
    return row;
  });
}
