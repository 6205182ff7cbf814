// GET /api/marketplace-component-usages/{uuid}/ — one component usage (Waldur)
import { selectFields } from "@/lib/dialects/waldur/paging";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { presentComponentUsage } from "@/lib/dialects/waldur/present-resources";
import { getComponentUsageOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(getComponentUsageOperation, async ({ db, actor, params, query, req }) => ({
  body: selectFields(
    await presentComponentUsage(db, actor, requestOrigin(req), uuidParam(params.uuid, "Component usage")),
    query.field,
  ),
}));
