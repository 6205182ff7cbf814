// GET /api/marketplace-provider-resources/{uuid}/ — one resource (Waldur)
import { selectFields } from "@/lib/dialects/waldur/paging";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { presentResource } from "@/lib/dialects/waldur/present-resources";
import { getResourceOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(getResourceOperation, async ({ db, actor, params, query, req }) => ({
  body: selectFields(
    await presentResource(db, actor, requestOrigin(req), uuidParam(params.uuid, "Resource")),
    query.field,
  ),
}));
