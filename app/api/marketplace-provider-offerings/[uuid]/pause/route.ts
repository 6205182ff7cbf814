// POST /api/marketplace-provider-offerings/{uuid}/pause/ — Active → Paused with `paused_reason` → 200 {detail, state} (Waldur)
import { pauseOfferingOperation } from "@/lib/dialects/waldur/operations";
import { stateChanged, uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(pauseOfferingOperation, async (ctx) => {
  const row = await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "pause", {
    pausedReason: ctx.body.paused_reason,
  });
  return stateChanged(`POST ${pauseOfferingOperation.path}`, row);
});
