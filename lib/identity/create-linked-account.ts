import { users, type UserRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, passwordProblem } from "@/lib/users/passwords";
import { findUserByEmail, findUserByLogin } from "@/lib/users/queries";

const usernameTaken = () =>
  new AppError("conflict", "This username is taken; choose another.", {
    username: ["This username is taken; choose another."],
  });

/** Refuses a weak password for this address and username before anything is written; returns its hash. */
export async function checkedPasswordHash(password: string, context: { email: string; username?: string }) {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError("validation", `Invalid password: ${problem}`, { password: [problem] });
  return hashPassword(password);
}

/**
 * A person's account made from a confirmed e-mail address (a sign-up or an invitation link), in the
 * caller's transaction. The address may have got an account since the link was sent: then 409.
 */
export async function createLinkedAccount(
  tx: Executor,
  account: { email: string; username: string; name: string; passwordHash: string },
): Promise<UserRow> {
  if (await findUserByEmail(tx, account.email))
    throw new AppError("conflict", "This e-mail address already has an account. Sign in instead.", {
      email: ["This e-mail address already has an account."],
    });
  if (await findUserByLogin(tx, account.username)) throw usernameTaken();
  try {
    // A savepoint, so a lost race on the unique indexes leaves the caller's transaction usable for the error.
    return await tx.transaction(async (sp) => {
      const [row] = await sp
        .insert(users)
        .values({ ...account, kind: "human", role: "member" })
        .returning();
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw usernameTaken();
    throw e;
  }
}
