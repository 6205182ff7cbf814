// POST /api/providers/reject — admin rejects a request with a reason the provider sees
import { rejectProviderOperation } from "@/lib/dialects/ucloud/operations";
import { handle } from "@/lib/http/handle";
import { rejectRegistration } from "@/lib/registration/reject-registration";

export const POST = handle(rejectProviderOperation, async (ctx) => {
  await rejectRegistration(ctx, { token: ctx.body.token }, ctx.body.reason);
  return { body: {} };
});
