// POST /api/marketplace-provider-resources/{uuid}/set_backend_id/ — the site's id for the resource (Waldur)
import { uuidParam } from "@/lib/dialects/waldur/present";
import { setResourceBackendIdOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { setResourceBackendId } from "@/lib/marketplace/resource-actions";

export const POST = handle(setResourceBackendIdOperation, async (ctx) => {
  await setResourceBackendId(ctx, uuidParam(ctx.params.uuid, "Resource"), ctx.body);
  return { body: { status: "Resource backend_id has been changed." } };
});
