// POST /api/marketplace-provider-offerings/{uuid}/pause/ — Active → Paused with `paused_reason` → 201 (Waldur)
import { pauseOfferingOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(pauseOfferingOperation, async (ctx) => {
  await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "pause", {
    pausedReason: ctx.body.paused_reason,
  });
  return { status: 201 };
});
