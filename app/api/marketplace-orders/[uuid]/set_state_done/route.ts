// POST /api/marketplace-orders/{uuid}/set_state_done/ — the offering's managers move the order on (Waldur)
import { setOrderDoneOperation as operation } from "@/lib/dialects/waldur/order-operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOrderState } from "@/lib/marketplace/change-order-state";

export const POST = handle(operation, async (ctx) => {
  await changeOrderState(ctx, uuidParam(ctx.params.uuid, "Order"), "set_state_done");
  return {};
});
