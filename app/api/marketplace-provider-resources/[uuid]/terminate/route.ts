// POST /api/marketplace-provider-resources/{uuid}/terminate/ — a Terminate order for the resource → {order_uuid} (Waldur)
import { uuidParam } from "@/lib/dialects/waldur/present";
import { terminateResourceOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { terminateResource } from "@/lib/marketplace/resource-actions";
import { hexUuid } from "@/lib/offerings/refs";

export const POST = handle(terminateResourceOperation, async (ctx) => {
  const orderId = await terminateResource(ctx, uuidParam(ctx.params.uuid, "Resource"), ctx.body);
  return { body: { order_uuid: hexUuid(orderId) } };
});
