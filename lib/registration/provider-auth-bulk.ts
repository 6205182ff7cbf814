import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { exchangeRefreshToken, rotateRefreshToken } from "./refresh-credentials";

// UCloud's AuthProviders calls take a bulk request and answer one response per item, in order. Both are all
// or nothing: one bad item fails the call and nothing of it is kept (no audit event for a token not handed out).

/** `AuthProviders.refresh`: each refresh token buys an access token, on the same core as `POST /auth/refresh`. */
export async function refreshProviderTokens(
  ctx: ServiceContext,
  refreshTokens: string[],
): Promise<{ accessToken: string }[]> {
  return ctx.db.transaction(async (tx) => {
    const out: { accessToken: string }[] = [];
    for (const token of refreshTokens) {
      const { accessToken } = await exchangeRefreshToken({ ...ctx, db: tx }, token);
      out.push({ accessToken });
    }
    return out;
  });
}

/**
 * `AuthProviders.renew` (admin): a new refresh token for each provider, as `renewToken` rotates it; the old
 * token and its access tokens stop at once. The key pair stays (access tokens are HMAC-signed; nothing is
 * signed with it yet), so each answer repeats the public key the welcome delivered.
 */
export async function renewProviderCredentials(
  ctx: ServiceContext,
  providerIds: string[],
): Promise<{ providerId: string; publicKey: string; refreshToken: string }[]> {
  requireRole(ctx.actor, "admin");
  return ctx.db.transaction(async (tx) => {
    const out: { providerId: string; publicKey: string; refreshToken: string }[] = [];
    for (const id of providerIds) {
      const { providerId, publicKey, refreshToken } = await rotateRefreshToken({ ...ctx, db: tx }, id);
      out.push({ providerId, publicKey, refreshToken });
    }
    return out;
  });
}
