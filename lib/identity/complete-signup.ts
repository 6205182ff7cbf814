import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { parseWith } from "@/lib/errors/zod-errors";
import { consumeAccountLink, findUsableLink } from "./account-links";
import { checkedPasswordHash, createLinkedAccount } from "./create-linked-account";
import { limitLinkUse } from "./limits";
import { signupClosed } from "./request-signup";
import { completeSignupInput, type CompleteSignupInput } from "./schemas";
import { AppError } from "@/lib/errors/app-error";

/**
 * The sign-up link followed: the address is confirmed, so the account is made with the username and
 * password chosen now, and the link is spent. Bad input leaves the link working.
 */
export async function completeSignup(ctx: ServiceContext & { ip: string }, input: CompleteSignupInput) {
  if (config.signup !== "open") throw signupClosed();
  await limitLinkUse(ctx.db, ctx.ip);
  const data = parseWith(completeSignupInput, input);
  const link = await findUsableLink(ctx.db, "signup", data.token);
  if (!link)
    throw new AppError("gone", "This link has expired or has already been used. Sign up again.", {
      token: ["This link has expired or has already been used."],
    });
  const passwordHash = await checkedPasswordHash(data.password, { email: link.email, username: data.username });
  return ctx.db.transaction(async (tx) => {
    const used = await consumeAccountLink(tx, "signup", data.token);
    const user = await createLinkedAccount(tx, {
      email: used.email,
      username: data.username,
      name: data.name || used.data.name || data.username,
      passwordHash,
    });
    await recordAudit(tx, ctx, {
      action: "user.signup",
      entityType: "user",
      entityId: user.id,
      actorLabel: user.username,
      summary: { email: user.email, username: user.username, ip: ctx.ip, linkId: used.id },
    });
    return user;
  });
}
