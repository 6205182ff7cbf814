// POST /api/marketplace-provider-resources/{uuid}/set_limits/ — the resource's limits as the site has them (Waldur)
import { uuidParam } from "@/lib/dialects/waldur/present";
import { setResourceLimitsOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { setResourceLimits } from "@/lib/marketplace/resource-actions";

export const POST = handle(setResourceLimitsOperation, async (ctx) => {
  await setResourceLimits(ctx, uuidParam(ctx.params.uuid, "Resource"), ctx.body);
  return { body: { status: "Resource limits have been changed." } };
});
