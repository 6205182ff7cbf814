// GET /api/marketplace-provider-offerings/{uuid}/ — one offering · PATCH/PUT — update it (structure only in Draft)
import { getOfferingOperation, putOfferingOperation, updateOfferingOperation } from "@/lib/dialects/waldur/operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { presentOfferings, uuidParam } from "@/lib/dialects/waldur/present";
import { notFound } from "@/lib/errors/app-error";
import { handle, type HandlerContext } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { offeringAccess } from "@/lib/offerings/access";
import { getOfferingDetails } from "@/lib/offerings/queries";
import { updateOffering } from "@/lib/offerings/update-offering";

export const GET = handle(getOfferingOperation, async ({ db, actor, params, query, req }) => {
  const d = await getOfferingDetails(db, uuidParam(params.uuid, "Offering"));
  if (!d || !(await offeringAccess(db, actor, d.offering)).read) throw notFound("Offering");
  const [body] = await presentOfferings(db, actor, requestOrigin(req), [d]);
  return { body: selectFields(body, query.field) };
});

const update = async (ctx: HandlerContext<typeof updateOfferingOperation>) => {
  const row = await updateOffering(ctx, uuidParam(ctx.params.uuid, "Offering"), ctx.body);
  const [body] = await presentOfferings(ctx.db, ctx.actor, requestOrigin(ctx.req), [
    (await getOfferingDetails(ctx.db, row.id))!,
  ]);
  return { body };
};
export const PATCH = handle(updateOfferingOperation, update);
export const PUT = handle(putOfferingOperation, update);
