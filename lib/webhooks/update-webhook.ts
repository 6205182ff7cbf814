import { eq } from "drizzle-orm";
import { webhookEndpoints } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireWebhookAccess } from "./access";
import { requireAllowedTarget } from "./create-webhook";
import { getWebhook, toWebhookOutput } from "./queries";
import { updateWebhookInput, type UpdateWebhookInput } from "./schemas";

/** Changes an endpoint's address, description, kinds, or pauses it (`active: false`). */
export async function updateWebhook(
  ctx: ServiceContext,
  organisationId: string,
  id: string,
  input: UpdateWebhookInput,
) {
  await requireWebhookAccess(ctx.db, ctx.actor, organisationId, "write");
  const data = parseWith(updateWebhookInput, input);
  await getWebhook(ctx.db, organisationId, id);
  if (data.url) await requireAllowedTarget(ctx, data.url);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ ...data, ...(data.kinds ? { kinds: [...new Set(data.kinds)] } : {}), updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "webhook.update", entityType: "webhook", entityId: id, summary: data });
    return toWebhookOutput(row);
  });
}
