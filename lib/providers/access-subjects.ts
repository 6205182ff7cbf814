import { eq, or, sql } from "drizzle-orm";
import { users, type UserRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The registered client/actor an entitlement or ACL entry is for: a user or service account, by id, username or e-mail. */
export async function resolveSubject(db: Executor, who: string): Promise<UserRow> {
  const w = who.trim().toLowerCase();
  const [row] = await db
    .select()
    .from(users)
    .where(
      or(
        UUID_RE.test(w) ? eq(users.id, w) : undefined,
        sql`lower(${users.username}) = ${w}`,
        sql`lower(${users.email}) = ${w}`,
      ),
    );
  if (!row) throw new AppError("not_found", `There is no Actor with the following id: ${who}`);
  return row;
}
