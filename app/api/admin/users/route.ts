// GET /api/admin/users — list users (admin, support) · POST — create a user or service account (admin)
import { requireRole } from "@/lib/auth/authorize";
import { createUserOperation, listUsersOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";
import { createUser } from "@/lib/users/create-user";
import { listUsers, toUserOutput } from "@/lib/users/queries";

export const GET = handle(listUsersOperation, async ({ db, actor, query }) => {
  requireRole(actor, "admin", "support");
  const { rows, total } = await listUsers(db, query);
  return { body: { items: rows.map(toUserOutput), total, page: query.page, size: query.size } };
});

export const POST = handle(createUserOperation, async (ctx) => ({
  status: 201,
  body: toUserOutput(await createUser(ctx, ctx.body)),
}));
