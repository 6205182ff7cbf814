import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  organisationMembers,
  providerAccessGrants,
  providerEntitlementAssignments,
  providerEntitlements,
  providers,
  users,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";

export type AccessEntry = {
  projectId: string;
  providerId: string;
  subject: string;
  username: string | null;
  email: string | null;
  roles: { role: string; source: string }[];
};

/** The grants on a provider (optionally one project), one entry per (project, subject). */
export async function listProviderGrants(db: Executor, providerId: string, projectId?: string): Promise<AccessEntry[]> {
  const rows = await db
    .select({ g: providerAccessGrants, username: users.username, email: users.email })
    .from(providerAccessGrants)
    .leftJoin(users, sql`${users.id}::text = ${providerAccessGrants.subject}`)
    .where(
      and(
        eq(providerAccessGrants.providerId, providerId),
        projectId ? eq(providerAccessGrants.projectId, projectId) : undefined,
      ),
    )
    .orderBy(asc(providerAccessGrants.projectId), asc(providerAccessGrants.subject), asc(providerAccessGrants.role));
  const out = new Map<string, AccessEntry>();
  for (const r of rows) {
    const k = `${r.g.projectId}\u0000${r.g.subject}`;
    const e = out.get(k) ?? {
      projectId: r.g.projectId,
      providerId,
      subject: r.g.subject,
      username: r.username,
      email: r.email,
      roles: [],
    };
    e.roles.push({ role: r.g.role, source: r.g.source });
    out.set(k, e);
  }
  return [...out.values()];
}

export type EntitlementEntry = {
  id: string;
  name: string;
  namespace: string;
  projectId: string;
  providerId: string;
  role: string;
  createdAt: Date;
  actors: { id: string; username: string | null }[];
};

/** Entitlements (optionally of one provider), paged, each with who holds it. */
export async function listEntitlements(
  db: Executor,
  args: { providerId?: string; page: number; size: number },
): Promise<{ rows: EntitlementEntry[]; total: number }> {
  const where: SQL | undefined = args.providerId ? eq(providerEntitlements.providerId, args.providerId) : undefined;
  const [ents, [{ total }]] = await Promise.all([
    db
      .select()
      .from(providerEntitlements)
      .where(where)
      .orderBy(asc(providerEntitlements.createdAt), asc(providerEntitlements.name))
      .limit(args.size)
      .offset((args.page - 1) * args.size),
    db.select({ total: count() }).from(providerEntitlements).where(where),
  ]);
  const assigned = ents.length
    ? await db
        .select({
          entitlementId: providerEntitlementAssignments.entitlementId,
          subject: providerEntitlementAssignments.subject,
          username: users.username,
        })
        .from(providerEntitlementAssignments)
        .leftJoin(users, sql`${users.id}::text = ${providerEntitlementAssignments.subject}`)
        .where(
          inArray(
            providerEntitlementAssignments.entitlementId,
            ents.map((e) => e.id),
          ),
        )
    : [];
  return {
    total: Number(total),
    rows: ents.map((e) => ({
      id: e.id,
      name: e.name,
      namespace: e.namespace,
      projectId: e.projectId,
      providerId: e.providerId,
      role: e.role,
      createdAt: e.createdAt,
      actors: assigned.filter((a) => a.entitlementId === e.id).map((a) => ({ id: a.subject, username: a.username })),
    })),
  };
}

/**
 * ARGO: searching providers needs a role with the Provider ACL permission. Portico gives it to
 * admins and support, to holders of an `admin` grant, and to provider admins (creators, owners, organisation owners/managers).
 */
export async function canSearchProviders(db: Executor, actor: Actor): Promise<boolean> {
  if (actor.role === "admin" || actor.role === "support" || actor.providerId) return true;
  const [grant] = await db
    .select({ id: providerAccessGrants.id })
    .from(providerAccessGrants)
    .where(
      and(
        eq(providerAccessGrants.role, "admin"),
        inArray(providerAccessGrants.subject, [actor.id, actor.username, actor.email]),
      ),
    )
    .limit(1);
  if (grant) return true;
  const [owned] = await db
    .select({ pk: providers.pk })
    .from(providers)
    .where(or(eq(providers.creatorId, actor.id), eq(providers.ownerUserId, actor.id)))
    .limit(1);
  if (owned) return true;
  const [org] = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.userId, actor.id), inArray(organisationMembers.role, ["owner", "manager"])))
    .limit(1);
  return !!org;
}
