// GET /api/marketplace-provider-offerings/ — offerings you can see · POST — create one as Draft (Waldur, seed 001)
import { createOfferingOperation, listOfferingsOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { offeringFilters, presentOfferings } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { createOffering } from "@/lib/offerings/create-offering";
import { getOfferingDetails, listOfferings } from "@/lib/offerings/queries";

export const GET = handle(listOfferingsOperation, async ({ db, actor, query, req }) => {
  const { rows, total } = await listOfferings(db, actor, offeringFilters(query), pageWindow(query));
  const headers = pageHeaders(req, query, total);
  return { body: selectFields(await presentOfferings(db, actor, requestOrigin(req), rows), query.field), headers };
});

export const POST = handle(createOfferingOperation, async (ctx) => {
  const row = await createOffering(ctx, ctx.body);
  const [body] = await presentOfferings(ctx.db, ctx.actor, requestOrigin(ctx.req), [
    (await getOfferingDetails(ctx.db, row.id))!,
  ]);
  return { status: 201, body };
});
