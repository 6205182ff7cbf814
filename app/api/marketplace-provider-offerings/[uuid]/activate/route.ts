// POST /api/marketplace-provider-offerings/{uuid}/activate/ — Draft or Paused → Active: 201 and no body as in seed 001; 200 {detail, state} with PORTICO_WALDUR_SUCCESS_CODES=waldur
import { activateOfferingOperation } from "@/lib/dialects/waldur/operations";
import { stateChanged, uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(activateOfferingOperation, async (ctx) => {
  const row = await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "activate");
  return stateChanged(`POST ${activateOfferingOperation.path}`, row);
});
