// POST /auth/providers/refresh — UCloud's AuthProviders.refresh: {items:[{refreshToken}]} → {responses:[{accessToken}]}
import { refreshProvidersOperation, refreshRateLimit } from "@/lib/dialects/ucloud/operations";
import { handle } from "@/lib/http/handle";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { refreshProviderTokens } from "@/lib/registration/provider-auth-bulk";

export const POST = handle(refreshProvidersOperation, async (ctx) => {
  // The pipeline counted the request once; each further item is one more try at a refresh token.
  if (ctx.body.items.length > 1) await hitRateLimit(ctx.db, refreshRateLimit, ctx.ip, ctx.body.items.length - 1);
  const responses = await refreshProviderTokens(
    ctx,
    ctx.body.items.map((i) => i.refreshToken),
  );
  return { body: { responses }, headers: { "cache-control": "no-store" } };
});
