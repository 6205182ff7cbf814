// GET /api/users/{uuid}/ — one Waldur user (staff, support, or yourself)
import { canReadAll } from "@/lib/auth/authorize";
import { userJson } from "@/lib/dialects/waldur/misc-json";
import { getUserWaldurOperation } from "@/lib/dialects/waldur/operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { findWaldurUser, offeringPermissionsOf } from "@/lib/service-accounts/queries";

export const GET = handle(getUserWaldurOperation, async ({ db, actor, params, query, req }) => {
  const id = uuidParam(params.uuid, "User");
  const u = await findWaldurUser(db, id);
  if (!u || (!canReadAll(actor) && actor.id !== id)) throw notFound("User");
  return { body: selectFields(userJson(requestOrigin(req), u, await offeringPermissionsOf(db, [id])), query.field) };
});
