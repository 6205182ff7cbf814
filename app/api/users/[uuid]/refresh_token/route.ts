// POST /api/users/{uuid}/refresh_token/ — a new token; the old one is rejected from now on (seed 001: 201;
// the operation's status follows PORTICO_WALDUR_SUCCESS_CODES)
import { tokenJson } from "@/lib/dialects/waldur/misc-json";
import { refreshUserTokenOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { refreshUserToken } from "@/lib/service-accounts/user-token";

export const POST = handle(refreshUserTokenOperation, async (ctx) => ({
  body: tokenJson(await refreshUserToken(ctx, uuidParam(ctx.params.uuid, "User"))),
  headers: { "cache-control": "no-store" },
}));
