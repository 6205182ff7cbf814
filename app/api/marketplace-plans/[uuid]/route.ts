// GET /api/marketplace-plans/{uuid}/ — one plan (the `url` of a plan in an offering)
import { planJson } from "@/lib/dialects/waldur/offering-json";
import { getPlanOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { offeringAccess } from "@/lib/offerings/access";
import { findPlanOfferingId, getOfferingDetails } from "@/lib/offerings/queries";

export const GET = handle(getPlanOperation, async ({ db, actor, params, req }) => {
  const planId = uuidParam(params.uuid, "Plan");
  const offeringId = await findPlanOfferingId(db, planId);
  const d = offeringId ? await getOfferingDetails(db, offeringId) : undefined;
  if (!d || !(await offeringAccess(db, actor, d.offering)).read) throw notFound("Plan");
  return {
    body: planJson(
      requestOrigin(req),
      d.offering.id,
      d.components,
      d.plans.find((p) => p.id === planId)!,
    ),
  };
});
