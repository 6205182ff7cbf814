// GET /api/marketplace-component-usages/ — usage set for resources you can see (Waldur)
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { usageFilters } from "@/lib/dialects/waldur/present-resources";
import { componentUsageJson } from "@/lib/dialects/waldur/resource-json";
import { listComponentUsagesOperation } from "@/lib/dialects/waldur/resource-operations";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { listComponentUsages } from "@/lib/marketplace/usage-queries";

export const GET = handle(listComponentUsagesOperation, async ({ db, actor, query, req }) => {
  const { rows, total } = await listComponentUsages(db, actor, usageFilters(query), pageWindow(query));
  const headers = pageHeaders(req, query, total);
  const origin = requestOrigin(req);
  return {
    body: selectFields(
      rows.map((r) => componentUsageJson(origin, r)),
      query.field,
    ),
    headers,
  };
});
