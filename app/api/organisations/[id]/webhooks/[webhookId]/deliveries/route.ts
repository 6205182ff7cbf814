// GET /api/organisations/{id}/webhooks/{webhookId}/deliveries — the delivery log with every attempt
import { listWebhookDeliveriesOperation } from "@/lib/dialects/portal/webhook-operations";
import { handle } from "@/lib/http/handle";
import { requireWebhookAccess } from "@/lib/webhooks/access";
import { getWebhook, listWebhookDeliveries } from "@/lib/webhooks/queries";

export const GET = handle(listWebhookDeliveriesOperation, async ({ db, actor, params, query }) => {
  await requireWebhookAccess(db, actor, params.id, "read");
  const hook = await getWebhook(db, params.id, params.webhookId);
  return { body: await listWebhookDeliveries(db, hook.id, query) };
});
