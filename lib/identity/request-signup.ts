import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { findUserByEmail } from "@/lib/users/queries";
import { issueAccountLink, LINK_LIFETIME_HOURS, linkUrlPath, revokeOpenLinks } from "./account-links";
import { enqueueAccountMail } from "./account-mail";
import { limitAccountMail } from "./limits";
import { signupRequestInput, type SignupRequestInput } from "./schemas";

export const SIGNUP_SENT =
  "Check your e-mail: if the address can be used for a new account, a link to finish signing up is on its way.";

export const signupClosed = () =>
  new AppError("forbidden", "Sign-up is closed here. Ask an administrator or your organisation for an invitation.");

/**
 * Someone asks for an account: the address gets a link to choose a username and password (the account is
 * made only then, so an address nobody confirmed never has an account). An address that already has one
 * gets a note saying so instead. Both answers look the same to the caller: the address's owner learns the
 * difference, nobody else does. Returns the outbox id of the mail.
 */
export async function requestSignup(ctx: ServiceContext & { ip: string }, input: SignupRequestInput) {
  if (config.signup !== "open") throw signupClosed();
  const data = parseWith(signupRequestInput, input);
  await limitAccountMail(ctx.db, ctx.ip, data.email);
  return ctx.db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, data.email);
    if (existing) {
      await recordAudit(tx, ctx, {
        action: "account.signup_request",
        entityType: "user",
        entityId: existing.id,
        summary: { email: data.email, ip: ctx.ip, outcome: "existing account told" },
      });
      return enqueueAccountMail(
        tx,
        existing.email,
        "signup",
        {
          subject: "You already have a Portico account",
          greeting: `Hello ${existing.name || existing.username},`,
          paragraphs: [
            "Someone asked to sign up to Portico with this e-mail address, which already has an account.",
            "If it was you, sign in instead, or ask for a new password if you forgot it. If it was not you, you can ignore this e-mail.",
          ],
          action: { label: "Sign in", href: "/login" },
        },
        { userId: existing.id, correlationId: ctx.correlationId },
      );
    }
    await revokeOpenLinks(tx, "signup", data.email);
    const { token, row } = await issueAccountLink(tx, "signup", { email: data.email, data: { name: data.name } });
    await recordAudit(tx, ctx, {
      action: "account.signup_request",
      entityType: "account-link",
      entityId: row.id,
      summary: { email: data.email, ip: ctx.ip, outcome: "link sent", expiresAt: row.expiresAt.toISOString() },
    });
    return enqueueAccountMail(
      tx,
      data.email,
      "signup",
      {
        subject: "Finish signing up to Portico",
        greeting: `Hello ${data.name},`,
        paragraphs: [
          "Follow the link to confirm this e-mail address and choose your username and password.",
          `The link works once, for ${LINK_LIFETIME_HOURS.signup} hours. If you did not ask for an account, ignore this e-mail: nothing is made without it.`,
        ],
        action: { label: "Finish signing up", href: linkUrlPath("signup", token) },
      },
      { correlationId: ctx.correlationId },
    );
  });
}
