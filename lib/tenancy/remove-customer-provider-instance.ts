import { eq } from "drizzle-orm";
import { customerProviderInstances } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors/app-error";
import { requireCspOrReseller, tenantAccess } from "./access";
import { instanceMarginOf } from "./customer-provider-instance-margins";
import { findCustomerProviderInstance, getCustomer } from "./queries";

/** Removes a provider instance from a customer. */
export async function removeCustomerProviderInstance(
  ctx: ServiceContext,
  tenantDomain: string | null,
  customerId: string,
  providerInstanceId: string,
): Promise<void> {
  const access = requireCspOrReseller(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  await ctx.db.transaction(async (tx) => {
    const customer = await getCustomer(tx, access, customerId);
    const link = await findCustomerProviderInstance(tx, customer.id, providerInstanceId);
    if (!link) throw notFound("Provider instance of this customer");
    await tx.delete(customerProviderInstances).where(eq(customerProviderInstances.id, link.id));
    await recordAudit(tx, ctx, {
      action: "customer_provider_instance.remove",
      entityType: "customer_provider_instance",
      entityId: link.id,
      summary: {
        tenant: access.tenant.domain,
        customerId,
        providerInstanceId,
        instance: link.instanceName,
        margin: instanceMarginOf(link),
      },
    });
  });
}
