// GET /v1/Customers/{customerId}/provider-instances/{providerInstanceId}/prices — effective prices after margins
import { toCustomerInstancePricesOut } from "@/lib/dialects/cloudcockpit/mappers";
import { customerInstancePricesOperation } from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { customerInstancePrices } from "@/lib/tenancy/plan-prices";

export const GET = handle(customerInstancePricesOperation, async ({ db, actor, headers, params }) => {
  const access = await tenantAccess(db, actor, headers["X-Tenant"]);
  return {
    body: toCustomerInstancePricesOut(
      await customerInstancePrices(db, access, params.customerId, params.providerInstanceId),
    ),
  };
});
