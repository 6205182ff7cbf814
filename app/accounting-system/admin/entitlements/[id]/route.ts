// DELETE /accounting-system/admin/entitlements/{id} — delete an entitlement and the grants it gave
import { deleteEntitlementOperation } from "@/lib/dialects/argo/provider-operations";
import { argoMessage } from "@/lib/dialects/argo/providers";
import { handle } from "@/lib/http/handle";
import { deleteEntitlement } from "@/lib/providers/entitlements";

export const DELETE = handle(deleteEntitlementOperation, async (ctx) => {
  await deleteEntitlement(ctx, ctx.params.id);
  return { body: argoMessage(200, "Entitlement was deleted successfully.") };
});
