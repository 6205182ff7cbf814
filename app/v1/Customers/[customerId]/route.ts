// GET /v1/Customers/{customerId} — one customer of the tenant (a reseller: only its own)
import { toCustomerOut } from "@/lib/dialects/cloudcockpit/mappers";
import { getCustomerOperation } from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { getCustomer } from "@/lib/tenancy/queries";

export const GET = handle(getCustomerOperation, async ({ db, actor, headers, params }) => {
  const access = await tenantAccess(db, actor, headers["X-Tenant"]);
  return { body: toCustomerOut(await getCustomer(db, access, params.customerId)) };
});
