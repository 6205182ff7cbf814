// GET /api/marketplace-provider-resources/ — resources you can see, with the site agent's filters (Waldur)
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { resourceFilters, resourcesJson } from "@/lib/dialects/waldur/present-resources";
import { listResourcesOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { listResources } from "@/lib/marketplace/resource-queries";

export const GET = handle(listResourcesOperation, async ({ db, actor, query, req }) => {
  const { rows, total } = await listResources(db, actor, resourceFilters(query), pageWindow(query));
  const headers = pageHeaders(req, query, total);
  return { body: selectFields(await resourcesJson(db, requestOrigin(req), rows), query.field), headers };
});
