// POST /api/providers/renewToken — rotate refresh tokens (owner or admin); old tokens and their access tokens stop at once
import { renewProviderTokenOperation } from "@/lib/dialects/ucloud/operations";
import { handle } from "@/lib/http/handle";
import { rotateRefreshToken } from "@/lib/registration/refresh-credentials";

export const POST = handle(renewProviderTokenOperation, async (ctx) => {
  const responses = [];
  for (const item of ctx.body.items) {
    const { refreshToken } = await rotateRefreshToken(ctx, item.id);
    responses.push({ id: item.id, refreshToken });
  }
  return { body: { responses }, headers: { "cache-control": "no-store" } };
});
