// POST /api/account/signup — anyone asks for an account; the address gets a link (same answer either way)
import { requestSignupOperation } from "@/lib/dialects/portal/account-operations";
import { handle } from "@/lib/http/handle";
import { sendAccountMailSoon } from "@/lib/identity/account-mail";
import { requestSignup, SIGNUP_SENT } from "@/lib/identity/request-signup";

export const POST = handle(requestSignupOperation, async (ctx) => {
  const mailId = await requestSignup(ctx, ctx.body);
  ctx.afterCommit((db) => sendAccountMailSoon(db, mailId, ctx.correlationId));
  return { body: { detail: SIGNUP_SENT } };
});
