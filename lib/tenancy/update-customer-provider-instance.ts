import { eq } from "drizzle-orm";
import { customerProviderInstances, type CustomerProviderInstanceRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireCspOrReseller, tenantAccess } from "./access";
import { instanceMarginOf, offerTypeMarginsToStore } from "./customer-provider-instance-margins";
import { findCustomerProviderInstance, getCustomer } from "./queries";
import { updateMarginsInput, type UpdateMarginsInput } from "./schemas";

/** Replaces a customer's provider-instance margins (instance margin and the whole set of offer-type overrides). */
export async function updateCustomerProviderInstanceMargins(
  ctx: ServiceContext,
  tenantDomain: string | null,
  customerId: string,
  providerInstanceId: string,
  input: UpdateMarginsInput,
): Promise<CustomerProviderInstanceRow> {
  const data = parseWith(updateMarginsInput, input);
  const access = requireCspOrReseller(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  const offerTypeMargins = offerTypeMarginsToStore(data.offerTypeMargins);
  return ctx.db.transaction(async (tx) => {
    const customer = await getCustomer(tx, access, customerId);
    const link = await findCustomerProviderInstance(tx, customer.id, providerInstanceId);
    if (!link) throw notFound("Provider instance of this customer");
    const [row] = await tx
      .update(customerProviderInstances)
      .set({ marginRule: data.margin.rule, marginValue: data.margin.value, offerTypeMargins, updatedAt: new Date() })
      .where(eq(customerProviderInstances.id, link.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "customer_provider_instance.update",
      entityType: "customer_provider_instance",
      entityId: link.id,
      summary: {
        tenant: access.tenant.domain,
        customerId,
        providerInstanceId,
        before: { margin: instanceMarginOf(link), offerTypeMargins: link.offerTypeMargins },
        after: { margin: data.margin, offerTypeMargins },
      },
    });
    return row;
  });
}
