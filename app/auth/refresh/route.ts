// POST /auth/refresh — Authorization: Bearer <refreshToken> → {accessToken}, a short-lived JWT for every dialect
import { refreshAccessTokenOperation } from "@/lib/dialects/ucloud/operations";
import { AppError } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { exchangeRefreshToken } from "@/lib/registration/refresh-credentials";

export const POST = handle(refreshAccessTokenOperation, async (ctx) => {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(ctx.req.headers.get("authorization") ?? "");
  if (!m) throw new AppError("unauthorized", "Send the refresh token as 'Authorization: Bearer <refreshToken>'.");
  const { accessToken } = await exchangeRefreshToken(ctx, m[1]);
  return { body: { accessToken }, headers: { "cache-control": "no-store" } };
});
