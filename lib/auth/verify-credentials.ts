import type { Db } from "@/lib/db/client";
import { findUserByLogin } from "@/lib/users/queries";
import { burnPasswordCheck, verifyPassword } from "@/lib/users/passwords";

/** Checks a login (email or username) and password; service accounts and inactive users cannot log in. */
export async function verifyCredentials(db: Db, login: string, password: string) {
  const user = await findUserByLogin(db, login);
  if (!user || !user.passwordHash || !user.isActive || user.kind !== "human") {
    await burnPasswordCheck(password);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}
