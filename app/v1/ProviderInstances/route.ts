// GET /v1/ProviderInstances — the tenant's provider instances · POST — configure one (csp)
import { tenantHeader, toProviderInstanceOut } from "@/lib/dialects/cloudcockpit/mappers";
import { createProviderInstanceOperation, listProviderInstancesOperation } from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { createProviderInstance } from "@/lib/tenancy/create-provider-instance";
import { listProviderInstances } from "@/lib/tenancy/queries";

export const GET = handle(listProviderInstancesOperation, async ({ db, actor, req }) => {
  const access = await tenantAccess(db, actor, tenantHeader(req));
  return { body: (await listProviderInstances(db, access.tenant.id)).map(toProviderInstanceOut) };
});

export const POST = handle(createProviderInstanceOperation, async (ctx) => ({ status: 201, body: toProviderInstanceOut(await createProviderInstance(ctx, tenantHeader(ctx.req), ctx.body)) }));
