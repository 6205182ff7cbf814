import { asc, eq } from "drizzle-orm";
import { tenantMembers, tenants } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { organisationsOfUser } from "@/lib/organisations/queries";
import { roleLabel } from "./role-label";

/** The header's "owner · Nordic Compute Centre" for the signed-in person. */
export async function roleLabelFor(db: Executor, actor: Actor): Promise<{ label: string; all: string[] }> {
  if (actor.role !== "member") return roleLabel({ role: actor.role, organisations: [], tenants: [] });
  const [organisations, tenantRoles] = await Promise.all([
    organisationsOfUser(db, actor.id),
    db
      .select({ name: tenants.name, role: tenantMembers.role })
      .from(tenantMembers)
      .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
      .where(eq(tenantMembers.userId, actor.id))
      .orderBy(asc(tenants.name)),
  ]);
  return roleLabel({ role: actor.role, organisations, tenants: tenantRoles });
}
