import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { users, type UserRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import type { ListUsersQuery, UserOutput } from "./schemas";

export const toUserOutput = (u: UserRow): UserOutput => ({
  id: u.id,
  email: u.email,
  username: u.username,
  name: u.name,
  kind: u.kind,
  role: u.role,
  isActive: u.isActive,
  createdAt: u.createdAt.toISOString(),
});

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const l = login.trim().toLowerCase();
  const [row] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.email}) = ${l}`, sql`lower(${users.username}) = ${l}`));
  return row;
}

export async function listUsers(db: Executor, q: ListUsersQuery): Promise<{ rows: UserRow[]; total: number }> {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    where.push(or(ilike(users.email, like), ilike(users.username, like), ilike(users.name, like))!);
  }
  if (q.role) where.push(eq(users.role, q.role));
  if (q.kind) where.push(eq(users.kind, q.kind));
  if (q.active) where.push(eq(users.isActive, q.active === "true"));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(cond)
      .orderBy(desc(users.createdAt), users.username)
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    db.select({ total: count() }).from(users).where(cond),
  ]);
  return { rows, total };
}
