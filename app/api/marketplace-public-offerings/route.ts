// GET /api/marketplace-public-offerings/ — the public catalogue: Active offerings only, no login needed
import { listPublicOfferingsOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { offeringFilters, presentOfferings } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { listOfferings } from "@/lib/offerings/queries";

export const GET = handle(listPublicOfferingsOperation, async ({ db, query, req }) => {
  const { rows, total } = await listOfferings(
    db,
    null,
    // `state` as Waldur's clients send it, within the public catalogue: Active only
    { ...offeringFilters(query), states: query.state && !query.state.includes("Active") ? [] : ["Active"] },
    pageWindow(query),
  );
  const headers = pageHeaders(req, query, total);
  return { body: selectFields(await presentOfferings(db, null, requestOrigin(req), rows, true), query.field), headers };
});
