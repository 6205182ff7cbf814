// PATCH /api/organisations/{id}/webhooks/{webhookId} — change or pause · DELETE — remove
import { deleteWebhookOperation, updateWebhookOperation } from "@/lib/dialects/portal/webhook-operations";
import { handle } from "@/lib/http/handle";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

export const PATCH = handle(updateWebhookOperation, async (ctx) => ({
  body: await updateWebhook(ctx, ctx.params.id, ctx.params.webhookId, ctx.body),
}));

export const DELETE = handle(deleteWebhookOperation, async (ctx) => ({
  body: await deleteWebhook(ctx, ctx.params.id, ctx.params.webhookId),
}));
