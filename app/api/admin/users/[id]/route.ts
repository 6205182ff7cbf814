// GET /api/admin/users/{id} — read a user (admin, support) · PATCH — change role, name, password, active (admin)
import { requireRole } from "@/lib/auth/authorize";
import { getUserOperation, updateUserOperation } from "@/lib/dialects/portal/operations";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { findUserById, toUserOutput } from "@/lib/users/queries";
import { updateUser } from "@/lib/users/update-user";

export const GET = handle(getUserOperation, async ({ db, actor, params }) => {
  requireRole(actor, "admin", "support");
  const user = await findUserById(db, params.id);
  if (!user) throw notFound("User");
  return { body: toUserOutput(user) };
});

export const PATCH = handle(updateUserOperation, async (ctx) => ({
  body: toUserOutput(await updateUser(ctx, ctx.params.id, ctx.body)),
}));
