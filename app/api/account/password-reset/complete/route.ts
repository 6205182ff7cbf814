// POST /api/account/password-reset/complete — the reset link's token and a new password; ends every session
import { resetPasswordOperation } from "@/lib/dialects/portal/account-operations";
import { handle } from "@/lib/http/handle";
import { sendAccountMailSoon } from "@/lib/identity/account-mail";
import { resetPassword } from "@/lib/identity/reset-password";

export const POST = handle(resetPasswordOperation, async (ctx) => {
  const { mailId } = await resetPassword(ctx, ctx.body);
  ctx.afterCommit((db) => sendAccountMailSoon(db, mailId, ctx.correlationId));
  return { body: { detail: "Your password was changed and every session signed out. Sign in with the new one." } };
});
