// GET /api/users/me/ — the caller as a Waldur user, with their offering roles (the Waldur Site Agent's health
// check asks for it, often with `?field=uuid`)
import { userJson } from "@/lib/dialects/waldur/misc-json";
import { getMeWaldurOperation } from "@/lib/dialects/waldur/operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { findWaldurUser, offeringPermissionsOf } from "@/lib/service-accounts/queries";

export const GET = handle(getMeWaldurOperation, async ({ db, actor, query, req }) => {
  const u = await findWaldurUser(db, actor.id);
  if (!u) throw notFound("User");
  return {
    body: selectFields(userJson(requestOrigin(req), u, await offeringPermissionsOf(db, [actor.id])), query.field),
  };
});
