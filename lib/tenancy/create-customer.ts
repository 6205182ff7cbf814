import { tenantCustomers, type TenantCustomerRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireCspOrReseller, resellerScope, tenantAccess } from "./access";
import { findReseller } from "./queries";
import { createCustomerInput, type CreateCustomerInput } from "./schemas";

/** A reseller adds a customer of its own; a csp adds a direct customer or, with resellerId, one of a reseller's. */
export async function createCustomer(
  ctx: ServiceContext,
  tenantDomain: string | null,
  input: CreateCustomerInput,
  opts: { resellerId?: string | null } = {},
): Promise<TenantCustomerRow> {
  const data = parseWith(createCustomerInput, input);
  const access = requireCspOrReseller(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  const resellerId = resellerScope(access, opts.resellerId);
  return ctx.db.transaction(async (tx) => {
    if (resellerId && access.role === "csp" && !(await findReseller(tx, access.tenant.id, resellerId)))
      throw new AppError("not_found", "Reseller not found in this tenant.", {
        resellerId: ["No reseller with this id in this tenant."],
      });
    const [row] = await tx
      .insert(tenantCustomers)
      .values({ tenantId: access.tenant.id, resellerId, name: data.name, email: data.email, country: data.country })
      .returning();
    await recordAudit(tx, ctx, {
      action: "customer.create",
      entityType: "tenant_customer",
      entityId: row.id,
      summary: { tenant: access.tenant.domain, name: row.name, resellerId },
    });
    return row;
  });
}
