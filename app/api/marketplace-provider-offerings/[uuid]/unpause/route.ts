// POST /api/marketplace-provider-offerings/{uuid}/unpause/ — lifecycle action → 201, empty body (Waldur)
import { unpauseOfferingOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(unpauseOfferingOperation, async (ctx) => {
  await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "unpause");
  return { status: 201 };
});
