// POST /api/marketplace-provider-offerings/{uuid}/unpause/ — Paused → Active → 200 {detail, state} (Waldur)
import { unpauseOfferingOperation } from "@/lib/dialects/waldur/operations";
import { stateChanged, uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(unpauseOfferingOperation, async (ctx) => {
  const row = await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "unpause");
  return stateChanged(`POST ${unpauseOfferingOperation.path}`, row);
});
