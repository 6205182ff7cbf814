import { eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import {
  accountingProjects,
  offerings,
  providers,
  type AccountingProjectRow,
  type OfferingRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { managedOfferingIds, offeringAccess } from "@/lib/offerings/access";
import { organisationsOfUser } from "@/lib/organisations/queries";

export type ProjectAccess = { read: boolean; order: boolean };

/**
 * A project's consumers: the members of its customer (organisation) order for it and see its orders and
 * resources; staff do everything, support reads.
 */
export async function projectAccess(
  db: Executor,
  actor: Actor | null,
  project: AccountingProjectRow,
): Promise<ProjectAccess> {
  if (!actor) return { read: false, order: false };
  if (actor.role === "admin") return { read: true, order: true };
  const member =
    !!project.organisationId && (await organisationsOfUser(db, actor.id)).some((o) => o.id === project.organisationId);
  return { read: member || actor.role === "support", order: member };
}

/** Organisation ids whose projects the actor consumes for (null = every project: staff and support). */
export async function consumerOrganisationIds(db: Executor, actor: Actor): Promise<string[] | null> {
  if (actor.role === "admin" || actor.role === "support") return null;
  return (await organisationsOfUser(db, actor.id)).map((o) => o.id);
}

/**
 * Offerings whose orders, resources and usage the actor handles as the provider (null = all: staff):
 * owners and managers of the offering's customer, owners of its linked provider, its OFFERING.MANAGERs.
 */
export async function providerOfferingIds(db: Executor, actor: Actor): Promise<string[] | null> {
  if (actor.role === "admin") return null;
  const orgs = (await organisationsOfUser(db, actor.id))
    .filter((o) => o.role === "owner" || o.role === "manager")
    .map((o) => o.id);
  const owned = await db
    .select({ pk: providers.pk })
    .from(providers)
    .where(
      or(
        eq(providers.ownerUserId, actor.id),
        eq(providers.creatorId, actor.id),
        actor.providerId ? eq(providers.id, actor.providerId) : undefined,
        orgs.length ? inArray(providers.organisationId, orgs) : undefined,
      ),
    );
  const mine = or(
    orgs.length ? inArray(offerings.organisationId, orgs) : undefined,
    owned.length
      ? inArray(
          offerings.providerPk,
          owned.map((p) => p.pk),
        )
      : undefined,
  );
  // `or()` of nothing is no condition at all: without any ownership there are no offerings to list.
  const rows = mine ? await db.select({ id: offerings.id }).from(offerings).where(mine) : [];
  return [...new Set([...rows.map((r) => r.id), ...(await managedOfferingIds(db, actor.id))])];
}

/** The provider side of one offering (its managers); whoever may not even read the object is told it does not exist. */
export async function requireProviderSide(
  db: Executor,
  actor: Actor | null,
  offering: OfferingRow,
  canRead: boolean,
  what: string,
): Promise<void> {
  if (!actor) throw new AppError("unauthorized", "Authentication credentials were not provided.");
  const access = await offeringAccess(db, actor, offering);
  if (access.manage) return;
  if (!canRead) throw notFound(what);
  throw new AppError("forbidden", "You do not have permission to perform this action.");
}

/**
 * Which orders or resources (rows joined to their accounting project) the actor may see: staff and support
 * all (undefined: no condition); consumers their customers' projects'; providers their offerings'.
 * `offeringId` is the row's offering column.
 */
export async function visibleToActorWhere(db: Executor, actor: Actor, offeringId: AnyColumn): Promise<SQL | undefined> {
  const orgs = await consumerOrganisationIds(db, actor);
  if (orgs === null) return undefined;
  const offeringIds = await providerOfferingIds(db, actor);
  if (offeringIds === null) return undefined;
  return (
    or(
      orgs.length ? inArray(accountingProjects.organisationId, orgs) : undefined,
      offeringIds.length ? inArray(offeringId, offeringIds) : undefined,
    ) ?? sql`false`
  );
}
