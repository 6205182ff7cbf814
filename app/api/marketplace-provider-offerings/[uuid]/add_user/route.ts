// POST /api/marketplace-provider-offerings/{uuid}/add_user/ — grant OFFERING.MANAGER → 201 (seed 001) with
// `{"expiration_time": …}`, the body Waldur answers and its clients parse (UserRoleExpirationTime)
import { addOfferingUserOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { addOfferingUser } from "@/lib/offerings/add-offering-user";

export const POST = handle(addOfferingUserOperation, async (ctx) => {
  const role = await addOfferingUser(ctx, uuidParam(ctx.params.uuid, "Offering"), ctx.body);
  return { status: 201, body: { expiration_time: role.expirationTime?.toISOString() ?? null } };
});
