import { eq } from "drizzle-orm";
import { providerAccessGrants, providers, type ProviderRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db/pg-errors";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { followProviderProfile } from "@/lib/organisations/follow-provider-profile";
import { ownsProvider } from "./access";
import { providerConflict } from "./create-provider";
import { assertProviderNameFree, refuseIfInProject } from "./provider-rules";
import { getProvider, isCatalogueProvider } from "./queries";
import { updateProviderInput, type UpdateProviderInput } from "./schemas";

/** Refuses changes to catalogue providers (403) and to providers the actor does not own (403). */
export async function requireManageableProvider(
  ctx: ServiceContext,
  provider: ProviderRow,
  verb: "update" | "delete",
): Promise<void> {
  const actor = requireUser(ctx.actor);
  // ARGO's text; the catalogue import keeps such providers in sync.
  if (isCatalogueProvider(provider))
    throw new AppError("forbidden", `You cannot ${verb} a Provider which derives from EOSC-Portal.`);
  // The profile belongs to the provider's owners; an ACL admin role is scoped to one project and only manages access there.
  if (actor.role !== "admin" && !(await ownsProvider(ctx.db, actor, provider)))
    throw new AppError("forbidden", `You are not allowed to change the Provider ${provider.id}.`);
}

/**
 * Partial update: empty or null values are ignored (ARGO); a new id cascades to grants and references.
 * A name another provider has is refused (409). `argo`: ARGO's PATCH also refuses a provider that
 * belongs to a project (the portal keeps editing its profile).
 */
export async function updateProvider(
  ctx: ServiceContext,
  providerId: string,
  input: UpdateProviderInput,
  opts: { refuseInProject?: boolean } = {},
): Promise<ProviderRow> {
  const data = parseWith(updateProviderInput, input);
  const changes = Object.fromEntries(
    (["id", "name", "website", "abbreviation", "logo"] as const)
      .filter((k) => data[k] !== undefined)
      .map((k) => [k, data[k] as string]),
  ) as Partial<Pick<ProviderRow, "id" | "name" | "website" | "abbreviation" | "logo">>;
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await getProvider(tx, providerId);
      // ARGO's order: the name's conflict, then the catalogue, then the project.
      if (changes.name !== undefined) await assertProviderNameFree(tx, changes.name, current.pk);
      await requireManageableProvider({ ...ctx, db: tx as typeof ctx.db }, current, "update");
      if (opts.refuseInProject) await refuseIfInProject(tx, current.id, "update");
      const diff = Object.fromEntries(
        Object.entries(changes).filter(([k, v]) => current[k as keyof ProviderRow] !== v),
      );
      if (Object.keys(diff).length === 0) return current;
      if (
        diff.id &&
        (
          await tx
            .select({ id: providers.id })
            .from(providers)
            .where(eq(providers.id, diff.id as string))
        ).length
      )
        throw providerConflict(diff.id as string);
      const [row] = await tx
        .update(providers)
        .set({ ...diff, updatedAt: new Date() })
        .where(eq(providers.pk, current.pk))
        .returning();
      if (diff.name !== undefined || diff.abbreviation !== undefined) await followProviderProfile(tx, ctx, row);
      if (diff.id)
        await tx
          .update(providerAccessGrants)
          .set({ providerId: row.id })
          .where(eq(providerAccessGrants.providerId, current.id));
      await recordAudit(tx, ctx, {
        action: "provider.update",
        entityType: "provider",
        entityId: row.id,
        summary: Object.fromEntries(
          Object.entries(diff).map(([k, v]) => [k, { from: current[k as keyof ProviderRow], to: v }]),
        ),
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e) && changes.id) throw providerConflict(changes.id);
    if (isForeignKeyViolation(e))
      throw new AppError("conflict", `The Provider ${providerId} is referenced elsewhere and its id cannot change.`);
    throw e;
  }
}
