import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type Column, type SQL } from "drizzle-orm";
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
import { containsPattern as contains } from "@/lib/db/like-pattern";

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

export type WaldurUserFilter = {
  username?: string;
  /** E-mail, full name, organization, job title: contains (case-insensitive). */
  email?: string;
  fullName?: string;
  organization?: string;
  jobTitle?: string;
  /** Name, username or e-mail contains. */
  query?: string;
  isActive?: boolean;
  isStaff?: boolean;
  isSupport?: boolean;
};

const fullName = sql`coalesce(nullif(trim(${waldurUserProfiles.firstName} || ' ' || ${waldurUserProfiles.lastName}), ''), ${users.name})`;
const USER_ORDER: Record<string, SQL | Column> = {
  username: users.username,
  email: users.email,
  full_name: fullName,
  native_name: waldurUserProfiles.nativeName,
  organization: waldurUserProfiles.organization,
  job_title: waldurUserProfiles.jobTitle,
  phone_number: waldurUserProfiles.phoneNumber,
  description: waldurUserProfiles.description,
  is_active: users.isActive,
  is_staff: sql`(${users.role} = 'admin')`,
  is_support: sql`(${users.role} = 'support')`,
  registration_method: sql`1`,
};

/** Staff and support list everyone; others see only themselves (as Waldur does). Filters and `o` as Waldur's. */
export async function listWaldurUsers(
  db: Executor,
  actor: Actor,
  f: WaldurUserFilter,
  page: { limit: number; offset: number },
  ordering: string[] = [],
) {
  const where: (SQL | undefined)[] = [];
  if (actor.role !== "admin" && actor.role !== "support") where.push(eq(users.id, actor.id));
  if (f.username) where.push(sql`lower(${users.username}) = ${f.username.toLowerCase()}`);
  if (f.email) where.push(ilike(users.email, contains(f.email)));
  if (f.fullName) where.push(ilike(fullName, contains(f.fullName)));
  if (f.organization) where.push(ilike(waldurUserProfiles.organization, contains(f.organization)));
  if (f.jobTitle) where.push(ilike(waldurUserProfiles.jobTitle, contains(f.jobTitle)));
  if (f.query)
    where.push(
      or(
        ilike(fullName, contains(f.query)),
        ilike(users.username, contains(f.query)),
        ilike(users.email, contains(f.query)),
      ),
    );
  if (f.isActive !== undefined) where.push(eq(users.isActive, f.isActive));
  if (f.isStaff !== undefined) where.push(f.isStaff ? eq(users.role, "admin") : ne(users.role, "admin"));
  if (f.isSupport !== undefined) where.push(f.isSupport ? eq(users.role, "support") : ne(users.role, "support"));
  const cond = and(...where);
  const order = ordering.map((k) => (k.startsWith("-") ? desc(USER_ORDER[k.slice(1)]) : asc(USER_ORDER[k])));
  const from = () =>
    db
      .select({ user: users, profile: waldurUserProfiles })
      .from(users)
      .leftJoin(waldurUserProfiles, eq(waldurUserProfiles.userId, users.id));
  const [rows, [{ total }]] = await Promise.all([
    from()
      .where(cond)
      .orderBy(...order, asc(users.username))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: count() })
      .from(users)
      .leftJoin(waldurUserProfiles, eq(waldurUserProfiles.userId, users.id))
      .where(cond),
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
