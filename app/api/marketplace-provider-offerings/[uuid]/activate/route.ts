// POST /api/marketplace-provider-offerings/{uuid}/activate/ — lifecycle action → 201, empty body (Waldur)
import { activateOfferingOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(activateOfferingOperation, async (ctx) => {
  await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "activate");
  return { status: 201 };
});
