// GET /api/users/ — Waldur users (staff, support; others see themselves), with Waldur's filters and `o`
// · POST — staff create one (seed 001)
import { userJson } from "@/lib/dialects/waldur/misc-json";
import { createUserWaldurOperation, listUsersWaldurOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { createWaldurUser } from "@/lib/service-accounts/create-waldur-user";
import { listWaldurUsers, offeringPermissionsOf } from "@/lib/service-accounts/queries";

export const GET = handle(listUsersWaldurOperation, async ({ db, actor, query, req }) => {
  const filter = {
    username: query.username,
    email: query.email,
    fullName: query.full_name,
    organization: query.organization,
    jobTitle: query.job_title,
    query: query.query ?? query.user_keyword,
    isActive: query.is_active,
    isStaff: query.is_staff,
    isSupport: query.is_support,
  };
  const { rows, total } = await listWaldurUsers(db, actor, filter, pageWindow(query), query.o);
  const headers = pageHeaders(req, query, total);
  const perms = await offeringPermissionsOf(
    db,
    rows.map((r) => r.user.id),
  );
  const origin = requestOrigin(req);
  const body = rows.map((u) =>
    userJson(
      origin,
      u,
      perms.filter((p) => p.role.userId === u.user.id),
    ),
  );
  return { body: selectFields(body, query.field), headers };
});

export const POST = handle(createUserWaldurOperation, async (ctx) => {
  const created = await createWaldurUser(ctx, ctx.body);
  return { status: 201, body: userJson(requestOrigin(ctx.req), created) };
});
