import { eq } from "drizzle-orm";
import { webhookEndpoints } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireWebhookAccess } from "./access";
import { getWebhook, toWebhookOutput } from "./queries";

/** Removes an endpoint, its pending deliveries and its log. */
export async function deleteWebhook(ctx: ServiceContext, organisationId: string, id: string) {
  await requireWebhookAccess(ctx.db, ctx.actor, organisationId, "write");
  const row = await getWebhook(ctx.db, organisationId, id);
  return ctx.db.transaction(async (tx) => {
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, ctx, {
      action: "webhook.delete",
      entityType: "webhook",
      entityId: id,
      summary: { organisationId, url: row.url },
    });
    return toWebhookOutput(row);
  });
}
