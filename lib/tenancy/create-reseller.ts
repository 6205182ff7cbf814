import { resellers, type ResellerRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireCsp, tenantAccess } from "./access";
import { createResellerInput, type CreateResellerInput } from "./schemas";

/** A csp adds a reseller to its tenant. */
export async function createReseller(
  ctx: ServiceContext,
  tenantDomain: string | null,
  input: CreateResellerInput,
): Promise<ResellerRow> {
  const data = parseWith(createResellerInput, input);
  const access = requireCsp(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(resellers).values({ tenantId: access.tenant.id, name: data.name }).returning();
    await recordAudit(tx, ctx, {
      action: "reseller.create",
      entityType: "reseller",
      entityId: row.id,
      summary: { tenant: access.tenant.domain, name: row.name },
    });
    return row;
  });
}
