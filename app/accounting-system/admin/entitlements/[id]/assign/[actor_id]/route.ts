// POST /accounting-system/admin/entitlements/{id}/assign/{actor_id} — assign · DELETE — take it back
import { assignEntitlementOperation, unassignEntitlementOperation } from "@/lib/dialects/argo/provider-operations";
import { argoMessage } from "@/lib/dialects/argo/providers";
import { handle } from "@/lib/http/handle";
import { assignEntitlement, unassignEntitlement } from "@/lib/providers/entitlements";

export const POST = handle(assignEntitlementOperation, async (ctx) => {
  await assignEntitlement(ctx, ctx.params.id, ctx.params.actor_id);
  return { body: argoMessage(200, "Entitlement was assigned successfully.") };
});

export const DELETE = handle(unassignEntitlementOperation, async (ctx) => {
  await unassignEntitlement(ctx, ctx.params.id, ctx.params.actor_id);
  return { body: argoMessage(200, "Entitlement was unassigned successfully.") };
});
