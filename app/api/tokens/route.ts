// GET /api/tokens — the caller's API tokens · POST /api/tokens — create one (secret shown once)
import { createTokenOperation, listTokensOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens, toApiTokenOutput } from "@/lib/tokens/queries";

export const GET = handle(listTokensOperation, async ({ db, actor }) => ({
  body: (await listApiTokens(db, actor.id)).map(toApiTokenOutput),
}));

export const POST = handle(createTokenOperation, async (ctx) => {
  const { row, token } = await createApiToken(ctx, ctx.body);
  return { status: 201, body: { ...toApiTokenOutput(row), token }, headers: { "cache-control": "no-store" } };
});
