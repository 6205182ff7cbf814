import { and, eq, gt, inArray, isNull, or, type SQL } from "drizzle-orm";
import { offeringUserRoles, offerings, organisationMembers, providers, type OfferingRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { ownsProvider } from "@/lib/providers/access";

export type OfferingAccess = { read: boolean; manage: boolean; owner: boolean };

const NONE: OfferingAccess = { read: false, manage: false, owner: false };

/** Live OFFERING.MANAGER roles of a user: offering ids. */
export async function managedOfferingIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: offeringUserRoles.offeringId })
    .from(offeringUserRoles)
    .where(
      and(
        eq(offeringUserRoles.userId, userId),
        or(isNull(offeringUserRoles.expirationTime), gt(offeringUserRoles.expirationTime, new Date())),
      ),
    );
  return rows.map((r) => r.id);
}

async function membershipRole(db: Executor, userId: string, organisationId: string) {
  const [m] = await db
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, organisationId)));
  return m?.role;
}

/**
 * What the actor may do with one offering. Owners (staff, the customer's owners/managers, the
 * linked provider's owners) see secrets and grant roles; an OFFERING.MANAGER manages that offering
 * only; customer members read it; everyone reads Active offerings.
 */
export async function offeringAccess(
  db: Executor,
  actor: Actor | null,
  offering: OfferingRow,
): Promise<OfferingAccess> {
  const publicRead = offering.state === "Active";
  if (!actor) return { ...NONE, read: publicRead };
  if (actor.role === "admin") return { read: true, manage: true, owner: true };
  const role = await membershipRole(db, actor.id, offering.organisationId);
  let owner = role === "owner" || role === "manager";
  if (!owner && offering.providerPk) {
    const [p] = await db.select().from(providers).where(eq(providers.pk, offering.providerPk));
    owner = !!p && (await ownsProvider(db, actor, p));
  }
  if (owner) return { read: true, manage: true, owner: true };
  const manager = (await managedOfferingIds(db, actor.id)).includes(offering.id);
  return { read: manager || !!role || publicRead || actor.role === "support", manage: manager, owner: false };
}

export async function requireOfferingAccess(
  db: Executor,
  actor: Actor | null,
  offering: OfferingRow,
  need: "manage" | "owner",
): Promise<OfferingAccess> {
  const access = await offeringAccess(db, actor, offering);
  if (!actor) throw new AppError("unauthorized", "Authentication credentials were not provided.");
  // Whoever may not even read it is told it does not exist, as GET does: no probing for Draft offerings.
  if (!access.read) throw notFound("Offering");
  if (!access[need]) throw new AppError("forbidden", "You do not have permission to perform this action.");
  return access;
}

/** SQL condition for the offerings an actor may list (null = all). */
export async function visibleOfferingsWhere(db: Executor, actor: Actor | null): Promise<SQL | undefined> {
  if (!actor) return eq(offerings.state, "Active");
  if (actor.role === "admin" || actor.role === "support") return undefined;
  const orgIds = (
    await db
      .select({ id: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, actor.id))
  ).map((r) => r.id);
  const managed = await managedOfferingIds(db, actor.id);
  return or(
    eq(offerings.state, "Active"),
    orgIds.length ? inArray(offerings.organisationId, orgIds) : undefined,
    managed.length ? inArray(offerings.id, managed) : undefined,
  );
}
