// GET /api/users/ — Waldur users (staff, support; others see themselves) · POST — staff create one (seed 001)
import { userJson } from "@/lib/dialects/waldur/misc-json";
import { createUserWaldurOperation, listUsersWaldurOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow } from "@/lib/dialects/waldur/paging";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { createWaldurUser } from "@/lib/service-accounts/create-waldur-user";
import { listWaldurUsers, offeringPermissionsOf } from "@/lib/service-accounts/queries";

export const GET = handle(listUsersWaldurOperation, async ({ db, actor, query, req }) => {
  const { rows, total } = await listWaldurUsers(
    db,
    actor,
    { username: query.username, email: query.email },
    pageWindow(query),
  );
  const headers = pageHeaders(req, query, total);
  const perms = await offeringPermissionsOf(
    db,
    rows.map((r) => r.user.id),
  );
  const origin = requestOrigin(req);
  return {
    body: rows.map((u) =>
      userJson(
        origin,
        u,
        perms.filter((p) => p.role.userId === u.user.id),
      ),
    ),
    headers,
  };
});

export const POST = handle(createUserWaldurOperation, async (ctx) => {
  const created = await createWaldurUser(ctx, ctx.body);
  return { status: 201, body: userJson(requestOrigin(ctx.req), created) };
});
