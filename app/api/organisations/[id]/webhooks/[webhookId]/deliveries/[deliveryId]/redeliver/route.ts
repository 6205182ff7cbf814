// POST /api/organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver — send again now
import { redeliverWebhookOperation } from "@/lib/dialects/portal/webhook-operations";
import { handle } from "@/lib/http/handle";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

export const POST = handle(redeliverWebhookOperation, async (ctx) => {
  const row = await redeliverWebhook(ctx, ctx.params.id, ctx.params.webhookId, ctx.params.deliveryId);
  return { status: 202, body: { id: row.id, status: row.status } };
});
