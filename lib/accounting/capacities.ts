import { and, eq } from "drizzle-orm";
import { capacities, metricDefinitions, type CapacityRow, type MetricDefinitionRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { getInstallation, getMetricDefinition, requireInstallationAccess } from "./access";
import { newObjectId } from "./ids";
import { capacityInput } from "./schemas";

export type CapacityView = CapacityRow & { metric: MetricDefinitionRow };

/** A capacity holds from its day until the next one of the same metric; one per (metric, day). */
export async function createCapacity(
  ctx: ServiceContext,
  installationId: string,
  input: unknown,
): Promise<CapacityView> {
  const data = parseWith(capacityInput, input);
  return ctx.db.transaction(async (tx) => {
    const inst = await getInstallation(tx, installationId);
    await requireInstallationAccess(tx, ctx.actor, inst, "manage");
    const metric = await getMetricDefinition(tx, data.metric_definition_id).catch(() => {
      throw new AppError("validation", "Invalid metric_definition_id: there is no Metric Definition with this id.", {
        metric_definition_id: ["There is no Metric Definition with this id."],
      });
    });
    const [row] = await tx
      .insert(capacities)
      .values({
        id: newObjectId(),
        installationPk: inst.pk,
        metricPk: metric.pk,
        value: data.value,
        registeredOn: data.registered_on,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError(
        "conflict",
        `A capacity for this metric is already registered on ${data.registered_on}; delete it first.`,
        { registered_on: ["Already has a capacity."] },
      );
    await recordAudit(tx, ctx, {
      action: "capacity.create",
      entityType: "installation",
      entityId: inst.id,
      summary: { ...data },
    });
    return { ...row, metric };
  });
}

export async function listCapacities(ctx: ServiceContext, installationId: string): Promise<CapacityView[]> {
  const inst = await getInstallation(ctx.db, installationId);
  await requireInstallationAccess(ctx.db, ctx.actor, inst, "read_reports").catch(() =>
    requireInstallationAccess(ctx.db, ctx.actor, inst, "write_usage"),
  );
  const rows = await ctx.db
    .select({ cap: capacities, metric: metricDefinitions })
    .from(capacities)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, capacities.metricPk))
    .where(eq(capacities.installationPk, inst.pk))
    .orderBy(metricDefinitions.metricName, capacities.registeredOn);
  return rows.map((r) => ({ ...r.cap, metric: r.metric }));
}

export async function deleteCapacity(ctx: ServiceContext, installationId: string, capacityId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const inst = await getInstallation(tx, installationId);
    await requireInstallationAccess(tx, ctx.actor, inst, "manage");
    const [row] = await tx
      .delete(capacities)
      .where(and(eq(capacities.id, capacityId), eq(capacities.installationPk, inst.pk)))
      .returning();
    if (!row) throw notFound("Capacity");
    await recordAudit(tx, ctx, {
      action: "capacity.delete",
      entityType: "installation",
      entityId: inst.id,
      summary: { capacity: row.id, value: row.value, registered_on: row.registeredOn },
    });
  });
}
