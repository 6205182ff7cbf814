// DELETE /api/tokens/{id} — revoke one of the caller's tokens
import { revokeTokenOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";
import { toApiTokenOutput } from "@/lib/tokens/queries";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export const DELETE = handle(revokeTokenOperation, async (ctx) => ({
  body: toApiTokenOutput(await revokeApiToken(ctx, ctx.params.id)),
}));
