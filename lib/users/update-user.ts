import { eq, sql } from "drizzle-orm";
import { users, type UserRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { hashPassword, passwordProblem } from "./passwords";
import { findUserById } from "./queries";
import { updateUserInput, type UpdateUserInput } from "./schemas";

/** Admin changes a user's name, role, password or active flag. An admin cannot demote or deactivate themself. */
export async function updateUser(ctx: ServiceContext, userId: string, input: UpdateUserInput): Promise<UserRow> {
  const actor = requireRole(ctx.actor, "admin");
  const data = parseWith(updateUserInput, input);
  if (userId === actor.id && (data.isActive === false || (data.role && data.role !== "admin")))
    throw new AppError("conflict", "You cannot deactivate or demote your own account.");
  if (data.password !== undefined) {
    const problem = passwordProblem(data.password, (await findUserById(ctx.db, userId)) ?? {});
    if (problem) throw new AppError("validation", `Invalid password: ${problem}`, { password: [problem] });
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!before) throw notFound("User");
    const [row] = await tx
      .update(users)
      .set({
        name: data.name,
        role: data.role,
        isActive: data.isActive,
        passwordHash,
        // A password set by an admin ends the person's sessions, as a reset does.
        sessionVersion: passwordHash ? sql`${users.sessionVersion} + 1` : undefined,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    const changes: Record<string, unknown> = {};
    if (data.name !== undefined && data.name !== before.name) changes.name = { from: before.name, to: row.name };
    if (data.role && data.role !== before.role) changes.role = { from: before.role, to: row.role };
    if (data.isActive !== undefined && data.isActive !== before.isActive)
      changes.isActive = { from: before.isActive, to: row.isActive };
    if (passwordHash) changes.passwordChanged = true;
    const action = changes.role ? "user.role_grant" : data.isActive === false ? "user.deactivate" : "user.update";
    await recordAudit(tx, ctx, { action, entityType: "user", entityId: row.id, summary: changes });
    return row;
  });
}
