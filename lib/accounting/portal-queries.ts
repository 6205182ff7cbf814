import { asc, eq } from "drizzle-orm";
import { capacities, installations, metricDefinitions, providers } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { hasProviderAccess } from "@/lib/providers/access";

export type ReportableProvider = {
  id: string;
  name: string;
  projects: string[];
  installations: { id: string; installation: string; projectId: string }[];
};

/** Providers with installations whose reports the person may read, with their projects and installations. */
export async function reportableProviders(db: Executor, actor: Actor): Promise<ReportableProvider[]> {
  const rows = await db
    .select({
      providerId: providers.id,
      name: providers.name,
      id: installations.id,
      installation: installations.installation,
      projectId: installations.projectId,
    })
    .from(installations)
    .innerJoin(providers, eq(providers.id, installations.providerId))
    .orderBy(asc(providers.name), asc(installations.installation));
  const byProvider = new Map<string, ReportableProvider>();
  for (const r of rows) {
    const p = byProvider.get(r.providerId) ?? {
      id: r.providerId,
      name: r.name || r.providerId,
      projects: [],
      installations: [],
    };
    if (!p.projects.includes(r.projectId)) p.projects.push(r.projectId);
    p.installations.push({ id: r.id, installation: r.installation, projectId: r.projectId });
    byProvider.set(r.providerId, p);
  }
  const out: ReportableProvider[] = [];
  for (const p of byProvider.values()) if (await hasProviderAccess(db, actor, p.id, "read_reports")) out.push(p);
  return out;
}

export type WritableInstallation = { id: string; label: string };

/** Installations the person may post usage to (owners, admins, collectors of that project). */
export async function writableInstallations(db: Executor, actor: Actor): Promise<WritableInstallation[]> {
  const rows = await db
    .select({
      id: installations.id,
      installation: installations.installation,
      projectId: installations.projectId,
      providerId: installations.providerId,
      name: providers.name,
    })
    .from(installations)
    .innerJoin(providers, eq(providers.id, installations.providerId))
    .orderBy(asc(providers.name), asc(installations.installation));
  const out: WritableInstallation[] = [];
  for (const r of rows)
    if (await hasProviderAccess(db, actor, r.providerId, "write_usage", r.projectId))
      out.push({ id: r.id, label: `${r.name || r.providerId} · ${r.installation} · project ${r.projectId}` });
  return out;
}

/** Providers whose installations and associations the person manages (owners and admins). */
export async function manageableProviders(db: Executor, actor: Actor): Promise<{ id: string; name: string }[]> {
  const rows = await db.select({ id: providers.id, name: providers.name }).from(providers).orderBy(asc(providers.name));
  if (actor.role === "admin") return rows;
  const out: { id: string; name: string }[] = [];
  for (const r of rows) if (await hasProviderAccess(db, actor, r.id, "manage")) out.push(r);
  return out;
}

export type ManageableInstallation = {
  id: string;
  label: string;
  capacities: { value: number; unit: string; registeredOn: string }[];
};

/** Installations the person manages, with their capacities. */
export async function manageableInstallations(db: Executor, actor: Actor): Promise<ManageableInstallation[]> {
  const rows = await db
    .select({
      pk: installations.pk,
      id: installations.id,
      installation: installations.installation,
      projectId: installations.projectId,
      providerId: installations.providerId,
      name: providers.name,
    })
    .from(installations)
    .innerJoin(providers, eq(providers.id, installations.providerId))
    .orderBy(asc(providers.name), asc(installations.installation));
  const caps = await db
    .select({
      installationPk: capacities.installationPk,
      value: capacities.value,
      registeredOn: capacities.registeredOn,
      unit: metricDefinitions.unitType,
    })
    .from(capacities)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, capacities.metricPk))
    .orderBy(asc(capacities.registeredOn));
  const out: ManageableInstallation[] = [];
  for (const r of rows)
    if (await hasProviderAccess(db, actor, r.providerId, "manage", r.projectId))
      out.push({
        id: r.id,
        label: `${r.name || r.providerId} · ${r.installation} · project ${r.projectId}`,
        capacities: caps
          .filter((c) => c.installationPk === r.pk)
          .map(({ value, unit, registeredOn }) => ({ value, unit, registeredOn })),
      });
  return out;
}
