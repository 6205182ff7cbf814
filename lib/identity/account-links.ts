import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { accountLinks, type AccountLinkRow } from "@/drizzle/schema";
import { generateToken, plausibleToken, tokenDigest } from "@/lib/crypto/tokens";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type AccountLinkPurpose = AccountLinkRow["purpose"];

/** How long each kind of link works. */
export const LINK_LIFETIME_HOURS: Record<AccountLinkPurpose, number> = {
  signup: 24,
  "password-reset": 1,
  invitation: 7 * 24,
};

const PREFIX: Record<AccountLinkPurpose, string> = { signup: "psu", "password-reset": "ppr", invitation: "pinv" };

/** Where each kind of link leads in the portal; the token rides in the query string. */
export const LINK_PATH: Record<AccountLinkPurpose, string> = {
  signup: "/signup/complete",
  "password-reset": "/reset-password",
  invitation: "/invitations/accept",
};

export const linkUrlPath = (purpose: AccountLinkPurpose, token: string) =>
  `${LINK_PATH[purpose]}?token=${encodeURIComponent(token)}`;

type NewLink = Omit<typeof accountLinks.$inferInsert, "id" | "digest" | "expiresAt" | "createdAt" | "purpose">;

/** A new link in the caller's transaction: the token goes into the e-mail, only its digest is stored. */
export async function issueAccountLink(
  tx: Executor,
  purpose: AccountLinkPurpose,
  link: NewLink,
): Promise<{ token: string; row: AccountLinkRow }> {
  const token = generateToken(PREFIX[purpose]);
  const [row] = await tx
    .insert(accountLinks)
    .values({
      ...link,
      purpose,
      email: link.email.toLowerCase(),
      digest: tokenDigest(token),
      expiresAt: new Date(Date.now() + LINK_LIFETIME_HOURS[purpose] * 3600_000),
    })
    .returning();
  return { token, row };
}

/** Earlier unused links of this purpose to this address stop working (a new one was sent). */
export async function revokeOpenLinks(tx: Executor, purpose: AccountLinkPurpose, email: string): Promise<void> {
  await tx
    .update(accountLinks)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(accountLinks.purpose, purpose),
        eq(accountLinks.email, email.toLowerCase()),
        isNull(accountLinks.usedAt),
        isNull(accountLinks.revokedAt),
      ),
    );
}

const unusable = () =>
  new AppError("gone", "This link has expired or has already been used. Ask for a new one.", {
    token: ["This link has expired or has already been used."],
  });

/** The link behind a token while it still works (not used, revoked or expired), else undefined. */
export async function findUsableLink(
  db: Executor,
  purpose: AccountLinkPurpose,
  token: string,
): Promise<AccountLinkRow | undefined> {
  if (!token || token.length > 100 || !plausibleToken(token) || !token.startsWith(`${PREFIX[purpose]}_`))
    return undefined;
  const [row] = await db
    .select()
    .from(accountLinks)
    .where(
      and(
        eq(accountLinks.digest, tokenDigest(token)),
        eq(accountLinks.purpose, purpose),
        isNull(accountLinks.usedAt),
        isNull(accountLinks.revokedAt),
        gt(accountLinks.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/**
 * Marks the link used in the caller's transaction and returns it; throws 410 when it no longer works.
 * The conditional update makes two concurrent uses of one link end with exactly one winner.
 */
export async function consumeAccountLink(
  tx: Executor,
  purpose: AccountLinkPurpose,
  token: string,
): Promise<AccountLinkRow> {
  const link = await findUsableLink(tx, purpose, token);
  if (!link) throw unusable();
  const [used] = await tx
    .update(accountLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountLinks.id, link.id), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt)))
    .returning();
  if (!used) throw unusable();
  return used;
}
