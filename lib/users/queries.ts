import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { organisationMembers, organisations, users, type UserRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { prepared } from "@/lib/db/prepared";
import type { ListUsersQuery, UserOutput } from "./schemas";

type UserOutputRow = Pick<UserRow, "id" | "email" | "username" | "name" | "kind" | "role" | "isActive" | "createdAt">;

export const toUserOutput = (u: UserOutputRow): UserOutput => ({
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

export type UserOrganisation = { id: string; name: string; role: "owner" | "manager" | "member" };

// The user and the organisations they belong to (by name), in one prepared query: what /api/me answers.
const userWithOrganisations = prepared((db) =>
  db
    .select({
      user: {
        id: users.id,
        email: users.email,
        username: users.username,
        name: users.name,
        kind: users.kind,
        role: users.role,
        isActive: users.isActive,
        createdAt: users.createdAt,
      },
      organisations: sql<UserOrganisation[]>`coalesce((
        select json_agg(json_build_object('id', ${organisations.id}, 'name', ${organisations.name},
          'role', ${organisationMembers.role}) order by ${organisations.name})
        from ${organisationMembers} join ${organisations} on ${organisations.id} = ${organisationMembers.organisationId}
        where ${organisationMembers.userId} = ${users.id}), '[]'::json)`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare("portico_user_with_organisations"),
);

export async function findUserWithOrganisations(
  db: Executor,
  id: string,
): Promise<{ user: UserOutputRow; organisations: UserOrganisation[] } | undefined> {
  const [row] = await userWithOrganisations(db).execute({ id });
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

/** The account with this e-mail address (case-insensitive), people and service accounts alike. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
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
