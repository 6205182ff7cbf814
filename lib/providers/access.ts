import { and, eq, inArray, or } from "drizzle-orm";
import { providerAccessGrants, providers, type ProviderRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { isOrganisationAdmin } from "@/lib/organisations/queries";

export type ProviderPermission = "manage" | "read_reports" | "write_usage";

const ROLE_PERMISSIONS: Record<"admin" | "collector" | "viewer", ProviderPermission[]> = {
  admin: ["manage", "read_reports", "write_usage"],
  collector: ["write_usage"],
  viewer: ["read_reports"],
};

/** Whether the actor owns the provider: its creator, its owner, an admin of its organisation, or the provider itself. */
export async function ownsProvider(db: Executor, actor: Actor, provider: ProviderRow): Promise<boolean> {
  if (actor.providerId && actor.providerId === provider.id) return true;
  if (provider.ownerUserId === actor.id || (provider.creatorId && provider.creatorId === actor.id)) return true;
  return provider.organisationId ? isOrganisationAdmin(db, actor.id, provider.organisationId) : false;
}

/**
 * The one per-object check for provider data: federation admins everything, support reads,
 * owners everything about their provider, ACL/entitlement grants what their role allows for that project.
 */
export async function hasProviderAccess(
  db: Executor,
  actor: Actor,
  providerId: string,
  permission: ProviderPermission,
  projectId?: string,
): Promise<boolean> {
  if (actor.role === "admin") return true;
  if (actor.role === "support" && permission === "read_reports") return true;
  const [provider] = await db.select().from(providers).where(eq(providers.id, providerId));
  if (provider && (await ownsProvider(db, actor, provider))) return true;
  const grants = await db
    .select({ role: providerAccessGrants.role, projectId: providerAccessGrants.projectId })
    .from(providerAccessGrants)
    .where(
      and(
        eq(providerAccessGrants.providerId, providerId),
        inArray(providerAccessGrants.subject, [actor.id, actor.username, actor.email]),
        projectId ? eq(providerAccessGrants.projectId, projectId) : or(),
      ),
    );
  return grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}
