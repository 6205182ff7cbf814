import { eq } from "drizzle-orm";
import { organisationMembers, organisations } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";

export async function organisationsOfUser(db: Executor, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      role: organisationMembers.role,
      joinedAt: organisationMembers.createdAt,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(organisations.name);
}

/** Whether the user owns (or manages, when `orManager`) the organisation: the provider-admin check. */
export async function isOrganisationAdmin(
  db: Executor,
  userId: string,
  organisationId: string,
  orManager = true,
): Promise<boolean> {
  const rows = await organisationsOfUser(db, userId);
  return rows.some((r) => r.id === organisationId && (r.role === "owner" || (orManager && r.role === "manager")));
}
