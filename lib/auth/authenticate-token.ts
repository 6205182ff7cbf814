import { eq, sql } from "drizzle-orm";
import { apiTokens, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { digestsEqual, plausibleToken, tokenDigest } from "@/lib/crypto/tokens";
import { looksLikeJwt } from "@/lib/registration/access-token";
import { actorForAccessToken } from "@/lib/registration/refresh-credentials";
import type { Actor } from "./actor";

/**
 * Resolves a bearer secret to an actor: a user's API token (looked up by keyed digest, compared in
 * constant time). Returns null for unknown, expired or revoked tokens and inactive users.
 * Provider access tokens (JWTs from /auth/refresh) resolve to the provider's service account with
 * `providerId` set and `via: "access-token"`, on every dialect.
 */
export async function authenticateToken(db: Db, token: string): Promise<Actor | null> {
  if (!token || token.length > 4096 || !plausibleToken(token)) return null;
  if (looksLikeJwt(token)) return actorForAccessToken(db, token);
  const digest = tokenDigest(token);
  const [hit] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.digest, digest));
  if (!hit || !digestsEqual(hit.token.digest, digest)) return null;
  const now = new Date();
  if (hit.token.revokedAt || (hit.token.expiresAt && hit.token.expiresAt <= now) || !hit.user.isActive) return null;
  // last_used_at at most once a minute per token, so reads stay cheap under load.
  if (!hit.token.lastUsedAt || now.getTime() - hit.token.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, hit.token.id));
  }
  const u = hit.user;
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    name: u.name,
    role: u.role,
    kind: u.kind,
    via: "token",
    tokenId: hit.token.id,
  };
}

export async function actorForUserId(db: Db, userId: string): Promise<Actor | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u || !u.isActive) return null;
  return { id: u.id, username: u.username, email: u.email, name: u.name, role: u.role, kind: u.kind, via: "session" };
}
