// GET /api/tenants — tenants the caller may open · POST — create a tenant (admin)
import { listTenantsOperation, createTenantOperation } from "@/lib/dialects/portal/tenancy-operations";
import { handle } from "@/lib/http/handle";
import { createTenant } from "@/lib/tenancy/create-tenant";
import { listTenantsFor } from "@/lib/tenancy/queries";

const out = (t: { id: string; domain: string; name: string; createdAt: Date }) => ({
  id: t.id,
  domain: t.domain,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
});

export const GET = handle(listTenantsOperation, async ({ db, actor }) => ({
  body: (await listTenantsFor(db, actor)).map((t) => ({ ...out(t), role: t.role, customers: t.customers })),
}));

export const POST = handle(createTenantOperation, async (ctx) => ({
  status: 201,
  body: out(await createTenant(ctx, ctx.body)),
}));
