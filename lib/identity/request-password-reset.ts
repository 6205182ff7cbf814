import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { parseWith } from "@/lib/errors/zod-errors";
import { findUserByEmail } from "@/lib/users/queries";
import { issueAccountLink, LINK_LIFETIME_HOURS, linkUrlPath, revokeOpenLinks } from "./account-links";
import { enqueueAccountMail } from "./account-mail";
import { limitAccountMail } from "./limits";
import { passwordResetRequestInput, type PasswordResetRequestInput } from "./schemas";

export const RESET_SENT =
  "Check your e-mail: if an account uses this address, a link to choose a new password is on its way.";

/**
 * "Forgot password": a person's active account gets a single-use link (an hour) to choose a new password;
 * an address without an account gets a note saying so, so the caller cannot tell which it was. Service
 * accounts and deactivated accounts get nothing. Returns the outbox id of the mail, if one was written.
 */
export async function requestPasswordReset(ctx: ServiceContext & { ip: string }, input: PasswordResetRequestInput) {
  const data = parseWith(passwordResetRequestInput, input);
  await limitAccountMail(ctx.db, ctx.ip, data.email);
  return ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, data.email);
    if (!user || user.kind !== "human" || !user.isActive) {
      await recordAudit(tx, ctx, {
        action: "account.password_reset_request",
        entityType: user ? "user" : "email",
        entityId: user?.id ?? data.email,
        summary: { email: data.email, ip: ctx.ip, outcome: user ? "account cannot sign in" : "no account" },
      });
      if (user) return undefined;
      return enqueueAccountMail(
        tx,
        data.email,
        "password-reset",
        {
          subject: "Password reset requested on Portico",
          paragraphs: [
            "Someone asked to reset the Portico password of this e-mail address, but no Portico account uses it.",
            "If it was you, you may have signed up with another address. If it was not you, you can ignore this e-mail.",
          ],
        },
        { correlationId: ctx.correlationId },
      );
    }
    await revokeOpenLinks(tx, "password-reset", user.email);
    const { token, row } = await issueAccountLink(tx, "password-reset", { email: user.email, userId: user.id });
    await recordAudit(tx, ctx, {
      action: "user.password_reset_request",
      entityType: "user",
      entityId: user.id,
      summary: { email: data.email, ip: ctx.ip, outcome: "link sent", linkId: row.id },
    });
    return enqueueAccountMail(
      tx,
      user.email,
      "password-reset",
      {
        subject: "Choose a new Portico password",
        greeting: `Hello ${user.name || user.username},`,
        paragraphs: [
          `Follow the link to choose a new password for ${user.username}. Choosing one signs you out everywhere.`,
          `The link works once, for ${LINK_LIFETIME_HOURS["password-reset"]} hour. If you did not ask for it, ignore this e-mail: your password stays as it is.`,
        ],
        action: { label: "Choose a new password", href: linkUrlPath("password-reset", token) },
      },
      { userId: user.id, correlationId: ctx.correlationId },
    );
  });
}
