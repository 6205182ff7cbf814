import { and, eq, ne, sql } from "drizzle-orm";
import {
  installations,
  metricDefinitions,
  projectProviders,
  usageRecords,
  type InstallationRow,
  type MetricDefinitionRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import {
  getInstallation,
  getMetricDefinition,
  getProvider,
  requireInstallationAccess,
  requireProviderAccess,
} from "./access";
import { newObjectId } from "./ids";
import { getProject } from "./projects";
import { installationInput, installationPatch } from "./schemas";

export type InstallationWithUnit = InstallationRow & { unit: MetricDefinitionRow };

/** The unit of access: a metric definition (ARGO's 404 when there is none). */
const unitFor = (db: Executor, id: string): Promise<MetricDefinitionRow> => getMetricDefinition(db, id);

/**
 * ARGO: one installation of a name per (project, provider) — 409 naming the one there. The combination's lock is
 * held until the transaction ends, so two clients never create it twice.
 */
async function refuseSameInstallation(
  tx: Executor,
  projectId: string,
  providerId: string,
  name: string,
  exceptPk?: number,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`installation:${projectId}:${providerId}:${name}`}))`);
  const [same] = await tx
    .select({ id: installations.id })
    .from(installations)
    .where(
      and(
        eq(installations.projectId, projectId),
        eq(installations.providerId, providerId),
        eq(installations.installation, name),
        exceptPk === undefined ? undefined : ne(installations.pk, exceptPk),
      ),
    )
    .limit(1);
  if (same)
    throw new AppError(
      "conflict",
      `There is an Installation with the following combination : {${projectId}, ${providerId}, ${name}}. Its id is ${same.id}`,
    );
}

/** The provider's owners (or an admin) add an installation to a project the provider is associated with. */
export async function createInstallation(ctx: ServiceContext, input: unknown): Promise<InstallationWithUnit> {
  const data = parseWith(installationInput, input);
  return ctx.db.transaction(async (tx) => {
    await getProject(tx, data.project);
    const unit = await unitFor(tx, data.unit_of_access);
    await getProvider(tx, data.organisation);
    const actor = await requireProviderAccess(tx, ctx.actor, data.organisation, "manage", data.project);
    const [assoc] = await tx
      .select()
      .from(projectProviders)
      .where(and(eq(projectProviders.projectId, data.project), eq(projectProviders.providerId, data.organisation)));
    if (!assoc)
      throw new AppError(
        "conflict",
        `There is no Provider with id ${data.organisation} associated with Project ${data.project}.`,
      );
    await refuseSameInstallation(tx, data.project, data.organisation, data.installation);
    const [row] = await tx
      .insert(installations)
      .values({
        id: newObjectId(),
        projectId: data.project,
        providerId: data.organisation,
        infrastructure: data.infrastructure,
        installation: data.installation,
        resource: data.resource ?? null,
        externalId: data.external_id ?? null,
        unitOfAccessPk: unit.pk,
        creatorId: actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("conflict", `An installation with external_id ${data.external_id} already exists.`, {
        external_id: ["Already in use."],
      });
    await recordAudit(tx, ctx, {
      action: "installation.create",
      entityType: "installation",
      entityId: row.id,
      summary: { ...data },
    });
    return { ...row, unit };
  });
}

export async function withUnit(db: Executor, row: InstallationRow): Promise<InstallationWithUnit> {
  const [unit] = await db.select().from(metricDefinitions).where(eq(metricDefinitions.pk, row.unitOfAccessPk));
  return { ...row, unit };
}

export async function readInstallation(ctx: ServiceContext, id: string): Promise<InstallationWithUnit> {
  const row = await getInstallation(ctx.db, id);
  const actor = ctx.actor;
  try {
    await requireInstallationAccess(ctx.db, actor, row, "read_reports");
  } catch {
    await requireInstallationAccess(ctx.db, actor, row, "write_usage");
  }
  return withUnit(ctx.db, row);
}

export async function updateInstallation(
  ctx: ServiceContext,
  id: string,
  input: unknown,
): Promise<InstallationWithUnit> {
  const data = parseWith(installationPatch, input);
  return ctx.db.transaction(async (tx) => {
    const row = await getInstallation(tx, id);
    await requireInstallationAccess(tx, ctx.actor, row, "manage");
    const patch: Partial<InstallationRow> = {};
    if (data.infrastructure) patch.infrastructure = data.infrastructure;
    if (data.installation) patch.installation = data.installation;
    if (data.resource) patch.resource = data.resource;
    if (data.external_id) patch.externalId = data.external_id;
    if (data.unit_of_access) patch.unitOfAccessPk = (await unitFor(tx, data.unit_of_access)).pk;
    if (!Object.keys(patch).length) return withUnit(tx, row);
    if (patch.installation && patch.installation !== row.installation)
      await refuseSameInstallation(tx, row.projectId, row.providerId, patch.installation, row.pk);
    const [updated] = await tx
      .update(installations)
      .set(patch)
      .where(eq(installations.pk, row.pk))
      .returning()
      .catch((e: unknown) => {
        if (String((e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code) === "23505")
          throw new AppError("conflict", `An installation with external_id ${data.external_id} already exists.`, {
            external_id: ["Already in use."],
          });
        throw e;
      });
    await recordAudit(tx, ctx, {
      action: "installation.update",
      entityType: "installation",
      entityId: id,
      summary: { ...data },
    });
    return withUnit(tx, updated);
  });
}

/** Deleting an installation deletes its usage and capacities with it (the audit event keeps the count). */
export async function deleteInstallation(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await getInstallation(tx, id);
    await requireInstallationAccess(tx, ctx.actor, row, "manage");
    // ARGO refuses it while usage is recorded (no usage is lost with an installation); capacities go with it.
    const [used] = await tx
      .select({ one: sql<number>`1` })
      .from(usageRecords)
      .where(eq(usageRecords.installationPk, row.pk))
      .limit(1);
    if (used)
      throw new AppError("forbidden", "Deleting an Installation is not allowed if there are Metrics assigned to it.");
    await tx.delete(usageRecords).where(eq(usageRecords.installationPk, row.pk));
    await tx.delete(installations).where(eq(installations.pk, row.pk));
    await recordAudit(tx, ctx, {
      action: "installation.delete",
      entityType: "installation",
      entityId: id,
      summary: { installation: row.installation, project: row.projectId, provider: row.providerId },
    });
  });
}

export async function listInstallations(
  db: Executor,
  filter: { projectId?: string; providerId?: string; projectIds?: string[] | null },
  page: number,
  size: number,
): Promise<{ rows: InstallationWithUnit[]; total: number }> {
  const where = and(
    filter.projectId ? eq(installations.projectId, filter.projectId) : undefined,
    filter.providerId ? eq(installations.providerId, filter.providerId) : undefined,
    filter.projectIds ? sql`${installations.projectId} = any(${sql.param(filter.projectIds)}::text[])` : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(installations)
    .where(where);
  const rows = await db
    .select({ inst: installations, unit: metricDefinitions })
    .from(installations)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, installations.unitOfAccessPk))
    .where(where)
    .orderBy(installations.providerId, installations.installation, installations.pk)
    .limit(size)
    .offset((page - 1) * size);
  return { rows: rows.map((r) => ({ ...r.inst, unit: r.unit })), total: Number(total) };
}
