// POST /api/marketplace-orders/{uuid}/set_backend_id/ — the site's own id for the order → {status} (Waldur)
import { setOrderBackendIdOperation } from "@/lib/dialects/waldur/order-operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { setOrderBackendId } from "@/lib/marketplace/set-order-backend-id";

export const POST = handle(setOrderBackendIdOperation, async (ctx) => {
  await setOrderBackendId(ctx, uuidParam(ctx.params.uuid, "Order"), ctx.body);
  return { body: { status: "Order backend_id has been changed." } };
});
