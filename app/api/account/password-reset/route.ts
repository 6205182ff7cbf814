// POST /api/account/password-reset — forgot password: a reset link to the address (same answer either way)
import { requestPasswordResetOperation } from "@/lib/dialects/portal/account-operations";
import { handle } from "@/lib/http/handle";
import { sendAccountMailSoon } from "@/lib/identity/account-mail";
import { requestPasswordReset, RESET_SENT } from "@/lib/identity/request-password-reset";

export const POST = handle(requestPasswordResetOperation, async (ctx) => {
  const mailId = await requestPasswordReset(ctx, ctx.body);
  ctx.afterCommit((db) => sendAccountMailSoon(db, mailId, ctx.correlationId));
  return { body: { detail: RESET_SENT } };
});
