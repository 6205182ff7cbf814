import { and, asc, count, desc, eq, ilike, inArray, or, type Column } from "drizzle-orm";
import { organisationMembers, organisations, providers, users, type OrganisationRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { containsPattern as contains } from "@/lib/db/like-pattern";

export type CustomerFilter = {
  /** Name contains (case-insensitive). */
  name?: string;
  nameExact?: string;
  abbreviation?: string;
  /** Name or abbreviation contains. */
  query?: string;
};
export type CustomerOrder = "name" | "abbreviation" | "created";
const CUSTOMER_ORDER: Record<CustomerOrder, Column> = {
  name: organisations.name,
  abbreviation: organisations.abbreviation,
  created: organisations.createdAt,
};

/** Organisations the actor may see: all for staff and support, their own for everyone else. */
export async function listVisibleOrganisations(
  db: Executor,
  actor: Actor,
  filter: CustomerFilter,
  page: { limit: number; offset: number },
  ordering: (CustomerOrder | `-${CustomerOrder}`)[] = ["name"],
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const mine =
    actor.role === "admin" || actor.role === "support"
      ? undefined
      : inArray(
          organisations.id,
          db
            .select({ id: organisationMembers.organisationId })
            .from(organisationMembers)
            .where(eq(organisationMembers.userId, actor.id)),
        );
  const cond = and(
    mine,
    filter.name ? ilike(organisations.name, contains(filter.name)) : undefined,
    filter.nameExact !== undefined ? eq(organisations.name, filter.nameExact) : undefined,
    filter.abbreviation ? ilike(organisations.abbreviation, contains(filter.abbreviation)) : undefined,
    filter.query
      ? or(ilike(organisations.name, contains(filter.query)), ilike(organisations.abbreviation, contains(filter.query)))
      : undefined,
  );
  const order = ordering.map((k) =>
    k.startsWith("-") ? desc(CUSTOMER_ORDER[k.slice(1) as CustomerOrder]) : asc(CUSTOMER_ORDER[k as CustomerOrder]),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(cond)
      .orderBy(...order, asc(organisations.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(organisations).where(cond),
  ]);
  return { rows, total };
}

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function organisationOwners(db: Executor, organisationIds: string[]) {
  if (!organisationIds.length) return [];
  return db
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role, user: users })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(
      and(inArray(organisationMembers.organisationId, organisationIds), inArray(organisationMembers.role, ["owner"])),
    );
}

/** Organisations the actor may create offerings for (owner or manager; staff: all). */
export async function organisationsForOfferings(db: Executor, actor: Actor): Promise<OrganisationRow[]> {
  if (actor.role === "admin") return db.select().from(organisations).orderBy(asc(organisations.name));
  return db
    .select({ o: organisations })
    .from(organisations)
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .where(and(eq(organisationMembers.userId, actor.id), inArray(organisationMembers.role, ["owner", "manager"])))
    .orderBy(asc(organisations.name))
    .then((r) => r.map((x) => x.o));
}

/** The registered providers of these organisations (what an offering of each may link to), by name. */
export async function providersOfOrganisations(
  db: Executor,
  organisationIds: string[],
): Promise<{ id: string; name: string; organisationId: string }[]> {
  if (!organisationIds.length) return [];
  const rows = await db
    .select({ id: providers.id, name: providers.name, organisationId: providers.organisationId })
    .from(providers)
    .where(inArray(providers.organisationId, organisationIds))
    .orderBy(asc(providers.name), asc(providers.id));
  return rows.map((r) => ({ ...r, organisationId: r.organisationId! }));
}
