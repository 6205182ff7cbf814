import { asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  offeringUserRoles,
  offerings,
  organisations,
  users,
  waldurUserProfiles,
  type UserRow,
  type WaldurUserProfileRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";

export const DEFAULT_TOKEN_LIFETIME = 3600;

export type WaldurUser = { user: UserRow; profile: WaldurUserProfileRow | null };

/** First/last name and token lifetime: from the Waldur profile, or derived for portal-made users. */
export function waldurNames(u: WaldurUser): { firstName: string; lastName: string; tokenLifetime: number | null } {
  if (u.profile)
    return { firstName: u.profile.firstName, lastName: u.profile.lastName, tokenLifetime: u.profile.tokenLifetime };
  const [first = "", ...rest] = u.user.name.split(/\s+/).filter(Boolean);
  return { firstName: first, lastName: rest.join(" "), tokenLifetime: DEFAULT_TOKEN_LIFETIME };
}

export async function findWaldurUser(db: Executor, id: string): Promise<WaldurUser | undefined> {
  const [row] = await db
    .select({ user: users, profile: waldurUserProfiles })
    .from(users)
    .leftJoin(waldurUserProfiles, eq(waldurUserProfiles.userId, users.id))
    .where(eq(users.id, id));
  return row;
}

/** Staff and support list everyone; others see only themselves (as Waldur does). */
export async function listWaldurUsers(
  db: Executor,
  actor: Actor,
  filter: { username?: string; email?: string },
  page: { limit: number; offset: number },
) {
  const where: SQL[] = [];
  if (actor.role !== "admin" && actor.role !== "support") where.push(eq(users.id, actor.id));
  if (filter.username) where.push(sql`lower(${users.username}) = ${filter.username.toLowerCase()}`);
  if (filter.email) where.push(sql`lower(${users.email}) = ${filter.email.toLowerCase()}`);
  const cond = where.length ? sql.join(where, sql` and `) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ user: users, profile: waldurUserProfiles })
      .from(users)
      .leftJoin(waldurUserProfiles, eq(waldurUserProfiles.userId, users.id))
      .where(cond)
      .orderBy(asc(users.username))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(users).where(cond),
  ]);
  return { rows, total };
}

/** Offering roles of users, for Waldur's `permissions` list. */
export async function offeringPermissionsOf(db: Executor, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({
      role: offeringUserRoles,
      offeringName: offerings.name,
      customerId: organisations.id,
      customerName: organisations.name,
    })
    .from(offeringUserRoles)
    .innerJoin(offerings, eq(offerings.id, offeringUserRoles.offeringId))
    .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
    .where(inArray(offeringUserRoles.userId, userIds))
    .orderBy(asc(offeringUserRoles.createdAt));
}

/** Service accounts (for the offering page's "add a service account" picker). */
export async function listServiceAccounts(db: Executor) {
  return db.select().from(users).where(eq(users.kind, "service")).orderBy(asc(users.username));
}
