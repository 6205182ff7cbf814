import { and, desc, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import { apiTokens, type ApiTokenRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { decryptSecret } from "@/lib/crypto/tokens";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { insertApiToken } from "@/lib/tokens/create-api-token";
import { findWaldurUser, waldurNames, type WaldurUser } from "./queries";

/** The name of the recoverable token Waldur's `token/` shows; one live token per user. */
export const WALDUR_TOKEN_NAME = "waldur";

export type UserToken = { row: ApiTokenRow; token: string; user: WaldurUser };

const liveWaldurTokens = (userId: string) =>
  and(
    eq(apiTokens.userId, userId),
    eq(apiTokens.name, WALDUR_TOKEN_NAME),
    isNotNull(apiTokens.ciphertext),
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
  );

async function mint(tx: Executor, u: WaldurUser): Promise<{ row: ApiTokenRow; token: string }> {
  const lifetime = waldurNames(u).tokenLifetime;
  return insertApiToken(tx, u.user.id, {
    name: WALDUR_TOKEN_NAME,
    expiresAt: lifetime ? new Date(Date.now() + lifetime * 1000) : null,
    keepRecoverable: true,
  });
}

/** Staff read a user's current token (Waldur `GET /api/users/{uuid}/token/`); one is made if none is live. */
export async function getUserToken(ctx: ServiceContext, userId: string): Promise<UserToken> {
  const actor = requireUser(ctx.actor);
  if (actor.role !== "admin") throw new AppError("forbidden", "Only staff can read other users' tokens.");
  return ctx.db.transaction(async (tx) => {
    const user = await findWaldurUser(tx, userId);
    if (!user) throw notFound("User");
    const [live] = await tx
      .select()
      .from(apiTokens)
      .where(liveWaldurTokens(userId))
      .orderBy(desc(apiTokens.createdAt))
      .limit(1);
    if (live) return { row: live, token: decryptSecret(live.ciphertext!, "api-token"), user };
    const created = await mint(tx, user);
    await recordAudit(tx, ctx, {
      action: "user.token.create",
      entityType: "user",
      entityId: userId,
      summary: { prefix: created.row.prefix, expiresAt: created.row.expiresAt?.toISOString() ?? null },
    });
    return { ...created, user };
  });
}

/** Staff (or the user) replace the user's token: the old one stops working at once. */
export async function refreshUserToken(ctx: ServiceContext, userId: string): Promise<UserToken> {
  const actor = requireUser(ctx.actor);
  if (actor.role !== "admin" && actor.id !== userId)
    throw new AppError("forbidden", "Only staff can refresh other users' tokens.");
  return ctx.db.transaction(async (tx) => {
    const user = await findWaldurUser(tx, userId);
    if (!user) throw notFound("User");
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(liveWaldurTokens(userId))
      .returning({ id: apiTokens.id });
    const created = await mint(tx, user);
    await recordAudit(tx, ctx, {
      action: "user.token.refresh",
      entityType: "user",
      entityId: userId,
      summary: {
        prefix: created.row.prefix,
        revokedTokens: revoked.length,
        expiresAt: created.row.expiresAt?.toISOString() ?? null,
      },
    });
    return { ...created, user };
  });
}
