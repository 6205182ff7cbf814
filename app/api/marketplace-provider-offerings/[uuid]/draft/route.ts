// POST /api/marketplace-provider-offerings/{uuid}/draft/ — lifecycle action → 201, empty body (Waldur)
import { draftOfferingOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(draftOfferingOperation, async (ctx) => {
  await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "draft");
  return { status: 201 };
});
