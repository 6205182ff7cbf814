// POST /api/marketplace-provider-offerings/{uuid}/draft/ — any state → Draft → 200 {detail, state} (Waldur)
import { draftOfferingOperation } from "@/lib/dialects/waldur/operations";
import { stateChanged, uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(draftOfferingOperation, async (ctx) => {
  const row = await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "draft");
  return stateChanged(`POST ${draftOfferingOperation.path}`, row);
});
