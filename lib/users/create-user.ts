import { users, type UserRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { hashPassword, passwordProblem } from "./passwords";
import { findUserByLogin } from "./queries";
import { createUserInput, type CreateUserInput } from "./schemas";

/** Admin creates a person or a service account. Duplicate email or username → 409 naming the field. */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserRow> {
  requireRole(ctx.actor, "admin");
  const data = parseWith(createUserInput, input);
  const problem = data.password !== undefined ? passwordProblem(data.password, data) : null;
  if (problem) throw new AppError("validation", `Invalid password: ${problem}`, { password: [problem] });
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return ctx.db.transaction(async (tx) => {
    for (const field of ["email", "username"] as const) {
      const existing = await findUserByLogin(tx, data[field]);
      if (
        existing &&
        (existing.email.toLowerCase() === data[field].toLowerCase() ||
          existing.username.toLowerCase() === data[field].toLowerCase())
      )
        throw new AppError("conflict", `A user with this ${field} already exists.`, {
          [field]: [`A user with this ${field} already exists.`],
        });
    }
    const [row] = await tx
      .insert(users)
      .values({
        email: data.email,
        username: data.username,
        name: data.name,
        kind: data.kind,
        role: data.role,
        passwordHash,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      summary: { email: row.email, username: row.username, kind: row.kind, role: row.role },
    });
    return row;
  });
}
