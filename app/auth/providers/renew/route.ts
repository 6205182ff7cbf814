// POST /auth/providers/renew — UCloud's AuthProviders.renew (admin): {items:[{id}]} → {responses:[{providerId, publicKey, refreshToken}]}
import { renewProvidersOperation } from "@/lib/dialects/ucloud/operations";
import { handle } from "@/lib/http/handle";
import { renewProviderCredentials } from "@/lib/registration/provider-auth-bulk";

export const POST = handle(renewProvidersOperation, async (ctx) => {
  const responses = await renewProviderCredentials(
    ctx,
    ctx.body.items.map((i) => i.id),
  );
  return { body: { responses }, headers: { "cache-control": "no-store" } };
});
