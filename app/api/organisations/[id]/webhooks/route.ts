// GET /api/organisations/{id}/webhooks — its endpoints · POST — add one (secret shown once)
import { createWebhookOperation, listWebhooksOperation } from "@/lib/dialects/portal/webhook-operations";
import { handle } from "@/lib/http/handle";
import { requireWebhookAccess } from "@/lib/webhooks/access";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks, toWebhookOutput } from "@/lib/webhooks/queries";

export const GET = handle(listWebhooksOperation, async ({ db, actor, params }) => {
  await requireWebhookAccess(db, actor, params.id, "read");
  return { body: (await listWebhooks(db, params.id)).map(toWebhookOutput) };
});

export const POST = handle(createWebhookOperation, async (ctx) => ({
  status: 201,
  body: await createWebhook(ctx, ctx.params.id, ctx.body),
  headers: { "cache-control": "no-store" },
}));
