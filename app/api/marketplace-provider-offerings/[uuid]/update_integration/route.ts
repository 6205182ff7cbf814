// POST /api/marketplace-provider-offerings/{uuid}/update_integration/ — plugin/secret options → 200, empty body (seed 001)
import { updateIntegrationOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { updateOfferingIntegration } from "@/lib/offerings/update-offering-integration";

export const POST = handle(updateIntegrationOperation, async (ctx) => {
  await updateOfferingIntegration(ctx, uuidParam(ctx.params.uuid, "Offering"), ctx.body);
  return { status: 200 };
});
