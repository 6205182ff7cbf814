// POST /api/account/signup/complete — the sign-up link's token, a username and a password make the account
import { completeSignupOperation } from "@/lib/dialects/portal/account-operations";
import { handle } from "@/lib/http/handle";
import { completeSignup } from "@/lib/identity/complete-signup";

export const POST = handle(completeSignupOperation, async (ctx) => {
  const user = await completeSignup(ctx, ctx.body);
  return { body: { id: user.id, username: user.username, email: user.email } };
});
