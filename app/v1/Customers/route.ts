// GET /v1/Customers — the tenant's customers (a reseller's own) · POST — create one (csp or reseller)
import { toCustomerOut } from "@/lib/dialects/cloudcockpit/mappers";
import { createCustomerOperation, listCustomersOperation } from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { createCustomer } from "@/lib/tenancy/create-customer";
import { listCustomers } from "@/lib/tenancy/queries";

export const GET = handle(listCustomersOperation, async ({ db, actor, headers, query }) => {
  const access = await tenantAccess(db, actor, headers["X-Tenant"]);
  return { body: (await listCustomers(db, access, { resellerId: query.resellerId })).map(toCustomerOut) };
});

export const POST = handle(createCustomerOperation, async (ctx) => {
  const row = await createCustomer(ctx, ctx.headers["X-Tenant"], ctx.body, { resellerId: ctx.query.resellerId });
  return { status: 201, body: toCustomerOut(row) };
});
