import { eq } from "drizzle-orm";
import { providerInstances, providers, type ProviderInstanceRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireCsp, tenantAccess } from "./access";
import { createProviderInstanceInput, type CreateProviderInstanceInput } from "./schemas";

/**
 * A csp configures a provider instance in its tenant: an external one (Microsoft CSP, …) or, with type
 * `portico` and `providerId`, one of the providers registered in Portico (their offerings are what it sells).
 */
export async function createProviderInstance(
  ctx: ServiceContext,
  tenantDomain: string | null,
  input: CreateProviderInstanceInput,
): Promise<ProviderInstanceRow & { providerId: string | null; providerName: string | null }> {
  const data = parseWith(createProviderInstanceInput, input);
  const access = requireCsp(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  if (data.type === "portico" && !data.providerId)
    throw new AppError("validation", "A portico instance names the Portico provider it sells.", {
      providerId: ["Required for type portico."],
    });
  if (data.type !== "portico" && data.providerId)
    throw new AppError("validation", "Only a portico instance links to a Portico provider.", {
      providerId: ["Only for type portico."],
    });
  return ctx.db.transaction(async (tx) => {
    let provider: { pk: string; id: string; name: string } | undefined;
    if (data.providerId) {
      [provider] = await tx
        .select({ pk: providers.pk, id: providers.id, name: providers.name })
        .from(providers)
        .where(eq(providers.id, data.providerId));
      if (!provider)
        throw new AppError("validation", "No such provider.", {
          providerId: ["No provider registered in Portico has this id."],
        });
    }
    const existing = await tx
      .select({ name: providerInstances.name })
      .from(providerInstances)
      .where(eq(providerInstances.tenantId, access.tenant.id));
    if (existing.some((e) => e.name.toLowerCase() === data.name.toLowerCase()))
      throw new AppError("conflict", "A provider instance with this name already exists in this tenant.", {
        name: ["Already used in this tenant."],
      });
    const [row] = await tx
      .insert(providerInstances)
      .values({ tenantId: access.tenant.id, name: data.name, type: data.type, providerPk: provider?.pk ?? null })
      .returning();
    await recordAudit(tx, ctx, {
      action: "provider_instance.create",
      entityType: "provider_instance",
      entityId: row.id,
      summary: { tenant: access.tenant.domain, name: row.name, type: row.type, providerId: provider?.id ?? null },
    });
    return { ...row, providerId: provider?.id ?? null, providerName: provider?.name ?? null };
  });
}
