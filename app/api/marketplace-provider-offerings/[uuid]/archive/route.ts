// POST /api/marketplace-provider-offerings/{uuid}/archive/ — any state → Archived → 200 {detail, state} (Waldur)
import { archiveOfferingOperation } from "@/lib/dialects/waldur/operations";
import { stateChanged, uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";

export const POST = handle(archiveOfferingOperation, async (ctx) => {
  const row = await changeOfferingState(ctx, uuidParam(ctx.params.uuid, "Offering"), "archive");
  return stateChanged(`POST ${archiveOfferingOperation.path}`, row);
});
