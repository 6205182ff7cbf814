import { webhookEndpoints } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireWebhookAccess } from "./access";
import { toWebhookOutput } from "./queries";
import { createWebhookInput, type CreateWebhookInput } from "./schemas";
import { webhookSettings } from "./settings";
import { newWebhookSecret } from "./signature";
import { checkWebhookTarget } from "./target-guard";

export const WEBHOOK_SECRET_PURPOSE = "webhook-secret";

/** Refuses a target in a private range unless the admin setting allows it (SSRF): 400 on the url field. */
export async function requireAllowedTarget(ctx: ServiceContext, url: string): Promise<void> {
  const refused = await checkWebhookTarget(new URL(url), (await webhookSettings(ctx.db)).allowPrivateTargets);
  if (refused) throw new AppError("validation", refused, { url: [refused] });
}

/** An organisation's owner or manager adds an endpoint; its signing secret is shown once, here. */
export async function createWebhook(ctx: ServiceContext, organisationId: string, input: CreateWebhookInput) {
  const { actor } = await requireWebhookAccess(ctx.db, ctx.actor, organisationId, "write");
  const data = parseWith(createWebhookInput, input);
  await requireAllowedTarget(ctx, data.url);
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        organisationId,
        url: data.url,
        description: data.description,
        kinds: [...new Set(data.kinds)],
        secretCiphertext: encryptSecret(secret, WEBHOOK_SECRET_PURPOSE),
        secretPrefix: secret.slice(0, 12),
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "webhook.create",
      entityType: "webhook",
      entityId: row.id,
      summary: { organisationId, url: row.url, kinds: row.kinds, secretPrefix: row.secretPrefix },
    });
    return { ...toWebhookOutput(row), secret };
  });
}
