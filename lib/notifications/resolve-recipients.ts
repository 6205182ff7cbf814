import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { offeringUserRoles, offerings, organisationMembers, providers, users } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { isUuid } from "@/lib/registration/registration-guards";

/**
 * Who should hear of an event, named by the rule that lets them see the thing: federation admins (the
 * approval queue), named people (a request's signer), an organisation's owners and managers, a provider's
 * owners (`ownsProvider`: owner, creator, its organisation's owners and managers), an offering's owners and
 * managers (`offeringAccess` manage: the customer's owners and managers, OFFERING.MANAGER roles, the linked
 * provider's owners).
 */
export type Audience = {
  admins?: boolean;
  users?: (string | null | undefined)[];
  organisationId?: string | null;
  providerPk?: string | null;
  offeringId?: string | null;
};

export type Recipient = { id: string; email: string; name: string; username: string };

async function organisationAdmins(tx: Executor, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        inArray(organisationMembers.role, ["owner", "manager"]),
      ),
    );
  return rows.map((r) => r.id);
}

async function providerOwners(tx: Executor, providerPk: string): Promise<string[]> {
  const [p] = await tx.select().from(providers).where(eq(providers.pk, providerPk));
  if (!p) return [];
  const ids = [p.ownerUserId, isUuid(p.creatorId) ? p.creatorId : null].filter((x): x is string => !!x);
  return p.organisationId ? [...ids, ...(await organisationAdmins(tx, p.organisationId))] : ids;
}

async function offeringManagers(tx: Executor, offeringId: string): Promise<string[]> {
  const [o] = await tx.select().from(offerings).where(eq(offerings.id, offeringId));
  if (!o) return [];
  const roles = await tx
    .select({ id: offeringUserRoles.userId })
    .from(offeringUserRoles)
    .where(
      and(
        eq(offeringUserRoles.offeringId, offeringId),
        or(isNull(offeringUserRoles.expirationTime), gt(offeringUserRoles.expirationTime, new Date())),
      ),
    );
  return [
    ...(await organisationAdmins(tx, o.organisationId)),
    ...roles.map((r) => r.id),
    ...(o.providerPk ? await providerOwners(tx, o.providerPk) : []),
  ];
}

/** The people (active humans, each once, never `exclude` — whoever caused the event) who hear of it. */
export async function resolveRecipients(
  tx: Executor,
  audience: Audience,
  exclude?: string | null,
): Promise<Recipient[]> {
  const ids = new Set<string>(audience.users?.filter((x): x is string => !!x && isUuid(x)) ?? []);
  if (audience.organisationId) for (const id of await organisationAdmins(tx, audience.organisationId)) ids.add(id);
  if (audience.providerPk) for (const id of await providerOwners(tx, audience.providerPk)) ids.add(id);
  if (audience.offeringId) for (const id of await offeringManagers(tx, audience.offeringId)) ids.add(id);
  const who = [
    ...(ids.size ? [inArray(users.id, [...ids])] : []),
    ...(audience.admins ? [eq(users.role, "admin")] : []),
  ];
  if (!who.length) return [];
  const rows = await tx
    .select({ id: users.id, email: users.email, name: users.name, username: users.username })
    .from(users)
    .where(and(or(...who), eq(users.kind, "human"), eq(users.isActive, true)))
    .orderBy(users.id);
  return rows.filter((r) => r.id !== exclude);
}
