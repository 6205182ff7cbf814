// GET /api/marketplace-orders/{uuid}/ — one order you can see (Waldur)
import { getOrderOperation } from "@/lib/dialects/waldur/order-operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { presentOrder } from "@/lib/dialects/waldur/present-orders";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(getOrderOperation, async ({ db, actor, params, query, req }) => ({
  body: selectFields(await presentOrder(db, actor, requestOrigin(req), uuidParam(params.uuid, "Order")), query.field),
}));
