// GET /v1/Customers/{customerId}/provider-instances — the customer's instances with margins
// POST — add a provider instance to the customer (seed 004) → 201 with the new id as a JSON string
import { toCustomerProviderInstanceOut } from "@/lib/dialects/cloudcockpit/mappers";
import {
  addCustomerProviderInstanceOperation,
  listCustomerProviderInstancesOperation,
} from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { addCustomerProviderInstance } from "@/lib/tenancy/add-customer-provider-instance";
import { getCustomer, listCustomerProviderInstances } from "@/lib/tenancy/queries";

export const GET = handle(listCustomerProviderInstancesOperation, async ({ db, actor, headers, params }) => {
  const customer = await getCustomer(db, await tenantAccess(db, actor, headers["X-Tenant"]), params.customerId);
  return { body: (await listCustomerProviderInstances(db, customer.id)).map(toCustomerProviderInstanceOut) };
});

export const POST = handle(addCustomerProviderInstanceOperation, async (ctx) => {
  const row = await addCustomerProviderInstance(ctx, ctx.headers["X-Tenant"], ctx.params.customerId, ctx.body, {
    resellerId: ctx.query.resellerId,
  });
  return { status: 201, body: row.id };
});
