// GET /api/marketplace-categories/ — categories (public) · POST — staff create one (Waldur)
import { createCategory } from "@/lib/categories/create-category";
import { findCategory, listCategories } from "@/lib/categories/queries";
import { categoryJson } from "@/lib/dialects/waldur/misc-json";
import { createCategoryOperation, listCategoriesOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow } from "@/lib/dialects/waldur/paging";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(listCategoriesOperation, async ({ db, query, req }) => {
  const { rows, total } = await listCategories(db, { title: query.title }, pageWindow(query));
  const headers = pageHeaders(req, query, total);
  return { body: rows.map((c) => categoryJson(requestOrigin(req), c)), headers };
});

export const POST = handle(createCategoryOperation, async (ctx) => {
  const row = await createCategory(ctx, ctx.body);
  return { status: 201, body: categoryJson(requestOrigin(ctx.req), (await findCategory(ctx.db, row.id))!) };
});
