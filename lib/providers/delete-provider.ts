import { eq } from "drizzle-orm";
import { providerAccessGrants, providers } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { isForeignKeyViolation } from "@/lib/db/pg-errors";
import { AppError } from "@/lib/errors/app-error";
import { refuseIfInProject } from "./provider-rules";
import { getProvider } from "./queries";
import { requireManageableProvider } from "./update-provider";

/**
 * Deletes a provider registered through the API or portal, with its access grants and entitlements.
 * One that belongs to a project is refused (ARGO's 403): its project's reports would lose it.
 */
export async function deleteProvider(ctx: ServiceContext, providerId: string): Promise<void> {
  try {
    await ctx.db.transaction(async (tx) => {
      const current = await getProvider(tx, providerId);
      await requireManageableProvider({ ...ctx, db: tx as typeof ctx.db }, current, "delete");
      // The row lock waits for an association being made now (its foreign key holds a share lock), so a
      // provider is never deleted from under a project that just took it.
      await tx.select({ pk: providers.pk }).from(providers).where(eq(providers.pk, current.pk)).for("update");
      await refuseIfInProject(tx, current.id, "delete");
      await tx.delete(providerAccessGrants).where(eq(providerAccessGrants.providerId, current.id));
      await tx.delete(providers).where(eq(providers.pk, current.pk));
      await recordAudit(tx, ctx, {
        action: "provider.delete",
        entityType: "provider",
        entityId: current.id,
        summary: { name: current.name, abbreviation: current.abbreviation, source: current.source },
      });
    });
  } catch (e) {
    if (isForeignKeyViolation(e))
      throw new AppError(
        "conflict",
        `The Provider ${providerId} still has installations or other records and cannot be deleted.`,
      );
    throw e;
  }
}
