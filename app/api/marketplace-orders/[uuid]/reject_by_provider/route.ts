// POST /api/marketplace-orders/{uuid}/reject_by_provider/ — pending-provider → rejected, optional reason (Waldur)
import { rejectOrderOperation } from "@/lib/dialects/waldur/order-operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOrderState } from "@/lib/marketplace/change-order-state";

export const POST = handle(rejectOrderOperation, async (ctx) => {
  await changeOrderState(ctx, uuidParam(ctx.params.uuid, "Order"), "reject_by_provider", {
    comment: ctx.body.provider_rejection_comment,
  });
  return {};
});
