// POST /api/marketplace-orders/{uuid}/set_state_erred/ — any → erred with the site's error (Waldur)
import { setOrderErredOperation } from "@/lib/dialects/waldur/order-operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOrderState } from "@/lib/marketplace/change-order-state";

export const POST = handle(setOrderErredOperation, async (ctx) => {
  await changeOrderState(ctx, uuidParam(ctx.params.uuid, "Order"), "set_state_erred", {
    errorMessage: ctx.body.error_message,
    errorTraceback: ctx.body.error_traceback,
  });
  return {};
});
