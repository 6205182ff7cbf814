// GET /api/marketplace-orders/ — orders you can see · POST — order an offering's plan for a project (Waldur)
import { listOrdersOperation, placeOrderOperation } from "@/lib/dialects/waldur/order-operations";
import { orderJson } from "@/lib/dialects/waldur/order-json";
import { orderFilters, presentOrder } from "@/lib/dialects/waldur/present-orders";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { listOrders } from "@/lib/marketplace/order-queries";
import { placeOrder } from "@/lib/marketplace/place-order";

export const GET = handle(listOrdersOperation, async ({ db, actor, query, req }) => {
  const { rows, total } = await listOrders(db, actor, orderFilters(query), pageWindow(query));
  const headers = pageHeaders(req, query, total);
  const origin = requestOrigin(req);
  return {
    body: selectFields(
      rows.map((d) => orderJson(origin, d)),
      query.field,
    ),
    headers,
  };
});

export const POST = handle(placeOrderOperation, async (ctx) => {
  const row = await placeOrder(ctx, ctx.body);
  return { status: 201, body: await presentOrder(ctx.db, ctx.actor, requestOrigin(ctx.req), row.id) };
});
