import { eq, sql } from "drizzle-orm";
import { apiTokens, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { prepared } from "@/lib/db/prepared";
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
const actorColumns = {
  id: users.id,
  username: users.username,
  email: users.email,
  name: users.name,
  role: users.role,
  kind: users.kind,
  isActive: users.isActive,
};

// The columns authentication needs, never the password hash or a token's ciphertext.
const tokenByDigest = prepared((db) =>
  db
    .select({
      ...actorColumns,
      tokenId: apiTokens.id,
      digest: apiTokens.digest,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.digest, sql.placeholder("digest")))
    .prepare("portico_token_by_digest"),
);

const userById = prepared((db) =>
  db
    .select({ ...actorColumns, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare("portico_actor_by_user_id"),
);

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
  const [hit] = await tokenByDigest(db).execute({ digest });
  if (!hit || !digestsEqual(hit.digest, digest)) return null;
  const now = new Date();
  if (hit.revokedAt || (hit.expiresAt && hit.expiresAt <= now) || !hit.isActive) return null;
  // last_used_at at most once a minute per token, so reads stay cheap under load.
  if (!hit.lastUsedAt || now.getTime() - hit.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, hit.tokenId));
  }
  const { id, username, email, name, role, kind } = hit;
  return { id, username, email, name, role, kind, via: "token", tokenId: hit.tokenId };
}

/**
 * The person behind a session. `sessionVersion` is the one the session was made under (0 for sessions made
 * before versions existed): a password reset raises the account's, which ends every older session.
 */
export async function actorForUserId(db: Db, userId: string, sessionVersion = 0): Promise<Actor | null> {
  const [u] = await userById(db).execute({ id: userId });
  if (!u || !u.isActive || u.sessionVersion !== sessionVersion) return null;
  return { id: u.id, username: u.username, email: u.email, name: u.name, role: u.role, kind: u.kind, via: "session" };
}
