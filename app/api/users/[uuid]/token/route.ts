// GET /api/users/{uuid}/token/ — staff read a user's API token (seed 001)
import { tokenJson } from "@/lib/dialects/waldur/misc-json";
import { getUserTokenOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { handle } from "@/lib/http/handle";
import { getUserToken } from "@/lib/service-accounts/user-token";

export const GET = handle(getUserTokenOperation, async (ctx) => ({
  body: tokenJson(await getUserToken(ctx, uuidParam(ctx.params.uuid, "User"))),
  headers: { "cache-control": "no-store" },
}));
