// POST /api/marketplace-provider-offerings/{uuid}/delete_user/ — revoke a role → 200
import { deleteOfferingUserOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { removeOfferingUser } from "@/lib/offerings/add-offering-user";

export const POST = handle(deleteOfferingUserOperation, async (ctx) => {
  await removeOfferingUser(ctx, uuidParam(ctx.params.uuid, "Offering"), ctx.body);
  return { status: 200 };
});
