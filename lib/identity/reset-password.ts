import { eq, sql } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { findUserById } from "@/lib/users/queries";
import { consumeAccountLink, findUsableLink, revokeOpenLinks } from "./account-links";
import { enqueueAccountMail } from "./account-mail";
import { checkedPasswordHash } from "./create-linked-account";
import { limitLinkUse } from "./limits";
import { resetPasswordInput, type ResetPasswordInput } from "./schemas";

const unusable = () =>
  new AppError("gone", "This link has expired or has already been used. Ask for a new one.", {
    token: ["This link has expired or has already been used."],
  });

/**
 * The reset link followed: the new password replaces the old one, the link and any other open reset link
 * stop working, and every session of the account ends (its session version goes up). The person is told
 * by e-mail. Returns the account and the outbox id of that mail.
 */
export async function resetPassword(ctx: ServiceContext & { ip: string }, input: ResetPasswordInput) {
  await limitLinkUse(ctx.db, ctx.ip);
  const data = parseWith(resetPasswordInput, input);
  const link = await findUsableLink(ctx.db, "password-reset", data.token);
  const user = link?.userId ? await findUserById(ctx.db, link.userId) : undefined;
  if (!link || !user || !user.isActive || user.kind !== "human") throw unusable();
  const passwordHash = await checkedPasswordHash(data.password, user);
  return ctx.db.transaction(async (tx) => {
    const used = await consumeAccountLink(tx, "password-reset", data.token);
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    await revokeOpenLinks(tx, "password-reset", used.email);
    await recordAudit(tx, ctx, {
      action: "user.password_reset",
      entityType: "user",
      entityId: row.id,
      actorLabel: row.username,
      summary: { ip: ctx.ip, linkId: used.id, sessionsEnded: true },
    });
    const mailId = await enqueueAccountMail(
      tx,
      row.email,
      "password-changed",
      {
        subject: "Your Portico password was changed",
        greeting: `Hello ${row.name || row.username},`,
        paragraphs: [
          "The password of your Portico account was just changed with a reset link, and every session was signed out.",
          "If you did not do this, ask for a new password at once and tell your administrator.",
        ],
        action: { label: "Sign in", href: "/login" },
      },
      { userId: row.id, correlationId: ctx.correlationId },
    );
    return { user: row, mailId };
  });
}
