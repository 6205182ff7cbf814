// POST /api/marketplace-orders/{uuid}/approve_by_provider/ — pending-provider → executing; makes the resource (Waldur)
import { approveOrderOperation } from "@/lib/dialects/waldur/order-operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOrderState } from "@/lib/marketplace/change-order-state";

export const POST = handle(approveOrderOperation, async (ctx) => {
  await changeOrderState(ctx, uuidParam(ctx.params.uuid, "Order"), "approve_by_provider");
  return { body: "Order has been approved and is being processed." };
});
