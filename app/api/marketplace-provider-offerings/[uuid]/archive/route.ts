// POST /api/marketplace-provider-offerings/{uuid}/archive/ — lifecycle action → 201, empty body (Waldur)
import { archiveOfferingOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(archiveOfferingOperation, async (ctx) => {
  await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "archive");
  return { status: 201 };
});
