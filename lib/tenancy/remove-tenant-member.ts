import { and, eq } from "drizzle-orm";
import { tenantMembers } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors/app-error";
import { requireCsp, tenantAccess } from "./access";

/** An admin or a csp takes a user's tenant role away (their reseller and its customers stay). */
export async function removeTenantMember(
  ctx: ServiceContext,
  tenantDomain: string | null,
  userId: string,
): Promise<void> {
  const access = requireCsp(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, access.tenant.id), eq(tenantMembers.userId, userId)))
      .returning();
    if (!row) throw notFound("Tenant member");
    await recordAudit(tx, ctx, {
      action: "tenant.member.remove",
      entityType: "tenant",
      entityId: access.tenant.id,
      summary: { tenant: access.tenant.domain, userId, role: row.role },
    });
  });
}
