import { eq, sql } from "drizzle-orm";
import { offerings, type OfferingRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireOfferingAccess } from "./access";
import { lockOffering } from "./load-for-write";
import { updateIntegrationInput, type UpdateIntegrationInput } from "./schemas";
import { openSecretOptions, sealSecretOptions } from "./secrets";
import { mergeSecrets, validateIntegration } from "./validate-integration";

/**
 * Waldur `update_integration`: plugin options replace what was there (validated per offering type);
 * secret options are merged (null removes a key) and stored sealed. Secrets need an owner, not a manager.
 */
export async function updateOfferingIntegration(
  ctx: ServiceContext,
  offeringId: string,
  input: UpdateIntegrationInput,
): Promise<OfferingRow> {
  const data = parseWith(updateIntegrationInput, input);
  return ctx.db.transaction(async (tx) => {
    const current = await lockOffering(tx, offeringId);
    const access = await requireOfferingAccess(tx, ctx.actor, current, "manage");
    if (data.secret_options !== undefined && !access.owner)
      throw new AppError("forbidden", "Only the offering's owners and staff may set secret options.");
    validateIntegration(current.type, data.plugin_options, data.secret_options);
    const set: Partial<typeof offerings.$inferInsert> = {};
    if (data.plugin_options !== undefined) set.pluginOptions = data.plugin_options;
    if (data.secret_options !== undefined)
      set.secretOptions = sealSecretOptions(
        mergeSecrets(openSecretOptions(current.secretOptions), data.secret_options),
      );
    if (data.service_attributes !== undefined) set.serviceAttributes = data.service_attributes;
    if (data.backend_id !== undefined) set.backendId = data.backend_id;
    const [row] = await tx
      .update(offerings)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(offerings.id, offeringId))
      .returning();
    await recordAudit(tx, ctx, {
      action: "offering.update_integration",
      entityType: "offering",
      entityId: offeringId,
      // Which keys changed, never the secret values.
      summary: { pluginOptions: data.plugin_options, sealedKeysChanged: Object.keys(data.secret_options ?? {}) },
    });
    return row;
  });
}
