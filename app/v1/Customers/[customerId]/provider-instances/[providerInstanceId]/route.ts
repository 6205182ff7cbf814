// GET /v1/Customers/{customerId}/provider-instances/{providerInstanceId} — read · PUT — replace its margins · DELETE — remove it
import { toCustomerProviderInstanceOut } from "@/lib/dialects/cloudcockpit/mappers";
import {
  getCustomerProviderInstanceOperation,
  removeCustomerProviderInstanceOperation,
  updateCustomerProviderInstanceOperation,
} from "@/lib/dialects/cloudcockpit/operations";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { findCustomerProviderInstance, getCustomer } from "@/lib/tenancy/queries";
import { removeCustomerProviderInstance } from "@/lib/tenancy/remove-customer-provider-instance";
import { updateCustomerProviderInstanceMargins } from "@/lib/tenancy/update-customer-provider-instance";

export const GET = handle(getCustomerProviderInstanceOperation, async ({ db, actor, headers, params }) => {
  const customer = await getCustomer(db, await tenantAccess(db, actor, headers["X-Tenant"]), params.customerId);
  const link = await findCustomerProviderInstance(db, customer.id, params.providerInstanceId);
  if (!link) throw notFound("Provider instance of this customer");
  return { body: toCustomerProviderInstanceOut(link) };
});

export const PUT = handle(updateCustomerProviderInstanceOperation, async (ctx) => {
  const { customerId, providerInstanceId } = ctx.params;
  await updateCustomerProviderInstanceMargins(ctx, ctx.headers["X-Tenant"], customerId, providerInstanceId, ctx.body);
  return {
    body: toCustomerProviderInstanceOut((await findCustomerProviderInstance(ctx.db, customerId, providerInstanceId))!),
  };
});

export const DELETE = handle(removeCustomerProviderInstanceOperation, async (ctx) => {
  await removeCustomerProviderInstance(
    ctx,
    ctx.headers["X-Tenant"],
    ctx.params.customerId,
    ctx.params.providerInstanceId,
  );
  return { status: 204 };
});
