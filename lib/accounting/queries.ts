import { eq, inArray, sql } from "drizzle-orm";
import {
  installations,
  metricDefinitions,
  projectProviders,
  providers,
  type AccountingProjectRow,
  type MetricDefinitionRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { hasProviderAccess } from "@/lib/providers/access";
import type { InstallationWithUnit } from "./installations";

export async function listMetricDefinitions(
  db: Executor,
  page: number,
  size: number,
): Promise<{ rows: MetricDefinitionRow[]; total: number }> {
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(metricDefinitions);
  const rows = await db
    .select()
    .from(metricDefinitions)
    .orderBy(metricDefinitions.metricName, metricDefinitions.pk)
    .limit(size)
    .offset((page - 1) * size);
  return { rows, total: Number(total) };
}

export type ProjectTree = {
  project: AccountingProjectRow;
  providers: { provider: { id: string; name: string }; installations: InstallationWithUnit[] }[];
};

/**
 * Projects with their associated providers and each provider's installations in that project. Given an
 * actor, only the installations they may see are included (as listVisibleInstallations): all for admin and
 * support, otherwise those of (project, provider) pairs they own or hold a reading or collecting grant for.
 */
export async function projectTrees(
  db: Executor,
  projects: AccountingProjectRow[],
  actor?: Actor,
): Promise<ProjectTree[]> {
  if (!projects.length) return [];
  const ids = projects.map((p) => p.id);
  const assoc = await db
    .select({ projectId: projectProviders.projectId, id: providers.id, name: providers.name })
    .from(projectProviders)
    .innerJoin(providers, eq(providers.id, projectProviders.providerId))
    .where(inArray(projectProviders.projectId, ids))
    .orderBy(providers.id);
  const insts = await db
    .select({ inst: installations, unit: metricDefinitions })
    .from(installations)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, installations.unitOfAccessPk))
    .where(inArray(installations.projectId, ids))
    .orderBy(installations.installation, installations.pk);
  const visible = new Map<string, boolean>();
  if (actor && actor.role !== "admin" && actor.role !== "support") {
    for (const { inst } of insts) {
      const key = `${inst.projectId}\u0000${inst.providerId}`;
      if (!visible.has(key))
        visible.set(
          key,
          (await hasProviderAccess(db, actor, inst.providerId, "read_reports", inst.projectId)) ||
            (await hasProviderAccess(db, actor, inst.providerId, "write_usage", inst.projectId)),
        );
    }
  }
  const maysee = (i: { projectId: string; providerId: string }) =>
    visible.get(`${i.projectId}\u0000${i.providerId}`) ?? true;
  return projects.map((project) => ({
    project,
    providers: assoc
      .filter((a) => a.projectId === project.id)
      .map((a) => ({
        provider: { id: a.id, name: a.name },
        installations: insts
          .filter((i) => i.inst.projectId === project.id && i.inst.providerId === a.id && maysee(i.inst))
          .map((i) => ({ ...i.inst, unit: i.unit })),
      })),
  }));
}
