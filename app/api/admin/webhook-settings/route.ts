// GET /api/admin/webhook-settings — may webhooks target private addresses · PUT — an admin decides
import { getWebhookSettingsOperation, updateWebhookSettingsOperation } from "@/lib/dialects/portal/webhook-operations";
import { requireRole } from "@/lib/auth/authorize";
import { handle } from "@/lib/http/handle";
import { updateWebhookSettings, webhookSettings } from "@/lib/webhooks/settings";

export const GET = handle(getWebhookSettingsOperation, async ({ db, actor }) => {
  requireRole(actor, "admin", "support");
  return { body: await webhookSettings(db) };
});

export const PUT = handle(updateWebhookSettingsOperation, async (ctx) => ({
  body: await updateWebhookSettings(ctx, ctx.body),
}));
