import { and, eq } from "drizzle-orm";
import { providerCredentials, providers, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor, ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { digestsEqual, tokenDigest } from "@/lib/crypto/tokens";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { ownsProvider } from "@/lib/providers/access";
import { issueAccessToken, verifyAccessToken } from "./access-token";
import { newRefreshToken } from "./credentials";
import { findRegisteredProvider } from "./queries";

const invalidRefresh = () =>
  new AppError("unauthorized", "Invalid or rotated refresh token.", undefined, { type: "INVALID_REFRESH_TOKEN" });

/** `POST /auth/refresh`: a provider's refresh token buys a short-lived access token (JWT). */
export async function exchangeRefreshToken(
  ctx: ServiceContext,
  refreshToken: string,
): Promise<{ accessToken: string; expiresAt: Date }> {
  if (!refreshToken || refreshToken.length > 200) throw invalidRefresh();
  const digest = tokenDigest(refreshToken);
  const [hit] = await ctx.db
    .select({ creds: providerCredentials, providerId: providers.id, active: users.isActive })
    .from(providerCredentials)
    .innerJoin(providers, eq(providers.pk, providerCredentials.providerPk))
    .innerJoin(users, eq(users.id, providerCredentials.serviceUserId))
    .where(eq(providerCredentials.refreshDigest, digest));
  if (!hit || !digestsEqual(hit.creds.refreshDigest, digest) || !hit.active) throw invalidRefresh();
  const { token, claims } = issueAccessToken(hit.providerId, hit.creds.generation);
  const expiresAt = new Date(claims.exp * 1000);
  // An authentication event: who got a token, when, valid until when (never the token).
  await recordAudit(ctx.db, ctx, {
    action: "provider.access_token.issue",
    entityType: "provider",
    entityId: hit.providerId,
    actorLabel: `integration module of ${hit.providerId}`,
    summary: { generation: hit.creds.generation, expiresAt: expiresAt.toISOString() },
  });
  return { accessToken: token, expiresAt };
}

/** Resolves a provider access token to the provider's service account, if the credentials are still current. */
export async function actorForAccessToken(db: Executor, token: string): Promise<Actor | null> {
  const claims = verifyAccessToken(token);
  if (!claims) return null;
  const [hit] = await db
    .select({ user: users })
    .from(providerCredentials)
    .innerJoin(providers, eq(providers.pk, providerCredentials.providerPk))
    .innerJoin(users, eq(users.id, providerCredentials.serviceUserId))
    .where(and(eq(providers.id, claims.sub), eq(providerCredentials.generation, claims.gen)));
  if (!hit || !hit.user.isActive) return null;
  const u = hit.user;
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    name: u.name,
    role: u.role,
    kind: u.kind,
    via: "access-token",
    providerId: claims.sub,
  };
}

/** Owners and admins issue a new refresh token; the old one (and its access tokens) stop working at once. */
export async function rotateRefreshToken(
  ctx: ServiceContext,
  providerIdOrNumber: string,
): Promise<{ providerId: string; refreshToken: string; publicKey: string }> {
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const found = await findRegisteredProvider(tx, providerIdOrNumber);
    if (!found) throw notFound("Provider");
    if (actor.role !== "admin" && !(actor.via !== "access-token" && (await ownsProvider(tx, actor, found.provider)))) {
      throw new AppError("forbidden", "Only the provider's owner or an admin may rotate its refresh token.");
    }
    const fresh = newRefreshToken();
    await tx
      .update(providerCredentials)
      .set({
        refreshDigest: fresh.refreshDigest,
        refreshCiphertext: fresh.refreshCiphertext,
        refreshPrefix: fresh.refreshPrefix,
        generation: found.credentials.generation + 1,
        rotatedAt: new Date(),
      })
      .where(eq(providerCredentials.providerPk, found.provider.pk));
    await recordAudit(tx, ctx, {
      action: "provider.refresh_token.rotate",
      entityType: "provider",
      entityId: found.provider.id,
      summary: { refreshTokenPrefix: fresh.refreshPrefix, generation: found.credentials.generation + 1 },
    });
    return { providerId: found.provider.id, refreshToken: fresh.token, publicKey: found.credentials.publicKey };
  });
}
