import { eq, inArray, sql } from "drizzle-orm";
import { installations, metricDefinitions, projectProviders, providers, type AccountingProjectRow, type MetricDefinitionRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import type { InstallationWithUnit } from "./installations";

export async function listMetricDefinitions(db: Executor, page: number, size: number): Promise<{ rows: MetricDefinitionRow[]; total: number }> {
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(metricDefinitions);
  const rows = await db.select().from(metricDefinitions).orderBy(metricDefinitions.metricName, metricDefinitions.pk).limit(size).offset((page - 1) * size);
  return { rows, total: Number(total) };
}

export type ProjectTree = { project: AccountingProjectRow; providers: { provider: { id: string; name: string }; installations: InstallationWithUnit[] }[] };

/** Projects with their associated providers and each provider's installations in that project. */
export async function projectTrees(db: Executor, projects: AccountingProjectRow[]): Promise<ProjectTree[]> {
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
  return projects.map((project) => ({
    project,
    providers: assoc
      .filter((a) => a.projectId === project.id)
      .map((a) => ({
        provider: { id: a.id, name: a.name },
        installations: insts.filter((i) => i.inst.projectId === project.id && i.inst.providerId === a.id).map((i) => ({ ...i.inst, unit: i.unit })),
      })),
  }));
}
