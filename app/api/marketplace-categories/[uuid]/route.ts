// GET /api/marketplace-categories/{uuid}/ — one category (public)
import { findCategory } from "@/lib/categories/queries";
import { categoryJson } from "@/lib/dialects/waldur/misc-json";
import { getCategoryOperation } from "@/lib/dialects/waldur/operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(getCategoryOperation, async ({ db, params, query, req }) => {
  const row = await findCategory(db, uuidParam(params.uuid, "Category"));
  if (!row) throw notFound("Category");
  return { body: selectFields(categoryJson(requestOrigin(req), row), query.field) };
});
