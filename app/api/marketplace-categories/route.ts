// GET /api/marketplace-categories/ — categories (public; title, customer_uuid, offering_name) · POST — staff create one (Waldur)
import { createCategory } from "@/lib/categories/create-category";
import { findCategory, listCategories } from "@/lib/categories/queries";
import { categoryJson } from "@/lib/dialects/waldur/misc-json";
import { createCategoryOperation, listCategoriesOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { toUuid } from "@/lib/offerings/refs";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(listCategoriesOperation, async ({ db, query, req }) => {
  const filter = {
    title: query.title,
    // an unparseable customer uuid matches nothing
    organisationId:
      query.customer_uuid === undefined
        ? undefined
        : (toUuid(query.customer_uuid) ?? "00000000-0000-0000-0000-000000000000"),
    offeringName: query.offering_name,
  };
  const { rows, total } = await listCategories(db, filter, pageWindow(query));
  const headers = pageHeaders(req, query, total);
  return {
    body: selectFields(
      rows.map((c) => categoryJson(requestOrigin(req), c)),
      query.field,
    ),
    headers,
  };
});

export const POST = handle(createCategoryOperation, async (ctx) => {
  const row = await createCategory(ctx, ctx.body);
  return { status: 201, body: categoryJson(requestOrigin(ctx.req), (await findCategory(ctx.db, row.id))!) };
});
