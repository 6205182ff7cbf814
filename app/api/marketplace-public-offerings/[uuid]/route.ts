// GET /api/marketplace-public-offerings/{uuid}/ — one Active offering (404 for any other state)
import { getPublicOfferingOperation } from "@/lib/dialects/waldur/operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { presentOfferings, uuidParam } from "@/lib/dialects/waldur/present";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { getOfferingDetails } from "@/lib/offerings/queries";

export const GET = handle(getPublicOfferingOperation, async ({ db, params, query, req }) => {
  const d = await getOfferingDetails(db, uuidParam(params.uuid, "Offering"));
  if (!d || d.offering.state !== "Active") throw notFound("Offering");
  const [body] = await presentOfferings(db, null, requestOrigin(req), [d], true);
  return { body: selectFields(body, query.field) };
});
