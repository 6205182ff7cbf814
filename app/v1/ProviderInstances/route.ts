// GET /v1/ProviderInstances — the tenant's provider instances · POST — configure one (csp)
import { toProviderInstanceOut } from "@/lib/dialects/cloudcockpit/mappers";
import {
  createProviderInstanceOperation,
  listProviderInstancesOperation,
} from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { createProviderInstance } from "@/lib/tenancy/create-provider-instance";
import { listProviderInstances } from "@/lib/tenancy/queries";

export const GET = handle(listProviderInstancesOperation, async ({ db, actor, headers }) => {
  const access = await tenantAccess(db, actor, headers["X-Tenant"]);
  return { body: (await listProviderInstances(db, access.tenant.id)).map(toProviderInstanceOut) };
});

export const POST = handle(createProviderInstanceOperation, async (ctx) => ({
  status: 201,
  body: toProviderInstanceOut(await createProviderInstance(ctx, ctx.headers["X-Tenant"], ctx.body)),
}));
