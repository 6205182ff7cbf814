// GET /v1/Resellers — the tenant's resellers (a reseller sees itself) · POST — add one (csp)
import { toResellerOut } from "@/lib/dialects/cloudcockpit/mappers";
import { createResellerOperation, listResellersOperation } from "@/lib/dialects/cloudcockpit/operations";
import { handle } from "@/lib/http/handle";
import { tenantAccess } from "@/lib/tenancy/access";
import { createReseller } from "@/lib/tenancy/create-reseller";
import { listResellers } from "@/lib/tenancy/queries";

export const GET = handle(listResellersOperation, async ({ db, actor, headers }) => ({
  body: (await listResellers(db, await tenantAccess(db, actor, headers["X-Tenant"]))).map(toResellerOut),
}));

export const POST = handle(createResellerOperation, async (ctx) => ({
  status: 201,
  body: toResellerOut(await createReseller(ctx, ctx.headers["X-Tenant"], ctx.body)),
}));
