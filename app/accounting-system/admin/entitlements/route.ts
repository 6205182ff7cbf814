// POST /accounting-system/admin/entitlements — create an entitlement · GET — list them with their holders
import { argoPage } from "@/lib/dialects/argo/paging";
import { createEntitlementOperation, listEntitlementsOperation } from "@/lib/dialects/argo/provider-operations";
import { argoMessage } from "@/lib/dialects/argo/providers";
import { requireRole } from "@/lib/auth/authorize";
import { handle } from "@/lib/http/handle";
import { listEntitlements } from "@/lib/providers/access-queries";
import { createEntitlement } from "@/lib/providers/entitlements";

export const POST = handle(createEntitlementOperation, async (ctx) => {
  const row = await createEntitlement(ctx, ctx.body);
  return {
    status: 201,
    body: argoMessage(201, "Entitlement created successfully."),
    headers: { location: `/accounting-system/admin/entitlements/${row.id}` },
  };
});

export const GET = handle(listEntitlementsOperation, async ({ req, db, actor, query }) => {
  requireRole(actor, "admin", "support");
  const { rows, total } = await listEntitlements(db, {
    providerId: query.provider_id,
    page: query.page,
    size: query.size,
  });
  const content = rows.map((e) => ({
    id: e.id,
    name: e.name,
    namespace: e.namespace,
    project_id: e.projectId,
    provider_id: e.providerId,
    role: e.role,
    created_at: e.createdAt.toISOString(),
    actors: e.actors,
  }));
  return { body: argoPage(req, query, total, content) };
});
