import { eq } from "drizzle-orm";
import { appSettings } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { parseWith } from "@/lib/errors/zod-errors";
import { updateWebhookSettingsInput } from "./schemas";

const KEY = "webhooks";
export type WebhookSettings = { allowPrivateTargets: boolean };

/** The installation's webhook settings (an admin's choice, shared by every process). */
export async function webhookSettings(db: Executor): Promise<WebhookSettings> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  const value = (row?.value ?? {}) as Partial<WebhookSettings>;
  return { allowPrivateTargets: value.allowPrivateTargets === true };
}

/** An admin allows (or refuses again) webhook targets in private, loopback and link-local ranges. */
export async function updateWebhookSettings(ctx: ServiceContext, input: unknown): Promise<WebhookSettings> {
  requireRole(ctx.actor, "admin");
  const value = parseWith(updateWebhookSettingsInput, input);
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(appSettings)
      .values({ key: KEY, value })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "webhooks.settings", entityType: "settings", entityId: KEY, summary: value });
    return value;
  });
}
