import { and, eq, inArray } from "drizzle-orm";
import {
  installations,
  metricDefinitions,
  providerAccessGrants,
  providers,
  type InstallationRow,
  type MetricDefinitionRow,
  type ProviderRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { hasProviderAccess, ownsProvider, type ProviderPermission } from "@/lib/providers/access";

export async function findInstallation(db: Executor, id: string): Promise<InstallationRow | undefined> {
  const [row] = await db.select().from(installations).where(eq(installations.id, id));
  return row;
}

export async function getInstallation(db: Executor, id: string): Promise<InstallationRow> {
  const row = await findInstallation(db, id);
  if (!row) throw new AppError("not_found", `There is no Installation with the following id: ${id}`);
  return row;
}

export async function getProvider(db: Executor, id: string): Promise<ProviderRow> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id));
  if (!row) throw new AppError("not_found", `There is no Provider with the following id: ${id}`);
  return row;
}

export async function getMetricDefinition(db: Executor, id: string): Promise<MetricDefinitionRow> {
  const [row] = await db.select().from(metricDefinitions).where(eq(metricDefinitions.id, id));
  if (!row) throw new AppError("not_found", `There is no Metric Definition with the following id: ${id}`);
  return row;
}

/** Per-object check for one installation: the permission on its (project, provider) pair. */
export async function requireInstallationAccess(
  db: Executor,
  actor: Actor | null,
  inst: InstallationRow,
  permission: ProviderPermission,
): Promise<Actor> {
  const a = requireUser(actor);
  if (!(await hasProviderAccess(db, a, inst.providerId, permission, inst.projectId))) throw forbidden();
  return a;
}

export async function requireProviderAccess(
  db: Executor,
  actor: Actor | null,
  providerId: string,
  permission: ProviderPermission,
  projectId?: string,
): Promise<Actor> {
  const a = requireUser(actor);
  if (!(await hasProviderAccess(db, a, providerId, permission, projectId))) throw forbidden();
  return a;
}

/**
 * Which of a provider's projects the actor may read reports for: `null` means all (admin, support,
 * owners); otherwise the projects an ACL/entitlement grant names with a reading role.
 */
export async function readableProjects(
  db: Executor,
  actor: Actor | null,
  provider: ProviderRow,
): Promise<string[] | null> {
  const a = requireUser(actor);
  if (a.role === "admin" || a.role === "support" || (await ownsProvider(db, a, provider))) return null;
  const grants = await db
    .select({ projectId: providerAccessGrants.projectId })
    .from(providerAccessGrants)
    .where(
      and(
        eq(providerAccessGrants.providerId, provider.id),
        inArray(providerAccessGrants.subject, [a.id, a.username, a.email]),
        inArray(providerAccessGrants.role, ["admin", "viewer"]),
      ),
    );
  if (!grants.length) throw forbidden();
  return [...new Set(grants.map((g) => g.projectId))];
}
