// POST /api/marketplace-orders/{uuid}/cancel/ — the project's consumers cancel a pending order → 202 (Waldur)
import { cancelOrderOperation } from "@/lib/dialects/waldur/order-operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOrderState } from "@/lib/marketplace/change-order-state";

export const POST = handle(cancelOrderOperation, async (ctx) => {
  await changeOrderState(ctx, uuidParam(ctx.params.uuid, "Order"), "cancel");
  return { status: 202 };
});
