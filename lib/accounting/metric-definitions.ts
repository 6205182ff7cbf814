import { eq, sql } from "drizzle-orm";
import { metricDefinitions, usageDaily, installations, capacities, type MetricDefinitionRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { getMetricDefinition } from "./access";
import { newObjectId } from "./ids";
import { sqlRows } from "./sql-rows";
import { metricDefinitionInput, metricDefinitionPatch } from "./schemas";

/** Any signed-in client except read-only support may define a metric; it is then shared by all. */
export async function createMetricDefinition(ctx: ServiceContext, input: unknown): Promise<MetricDefinitionRow> {
  const actor = requireUser(ctx.actor);
  if (actor.role === "support") throw forbidden();
  const data = parseWith(metricDefinitionInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(metricDefinitions)
      .values({
        id: newObjectId(),
        metricName: data.metric_name,
        metricDescription: data.metric_description,
        unitType: data.unit_type,
        metricType: data.metric_type,
        creatorId: actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "metric_definition.create",
      entityType: "metric_definition",
      entityId: row.id,
      summary: { ...data },
    });
    return row;
  });
}

/** Whether usage, capacities or installations still refer to the definition. */
async function metricInUse(db: Executor, pk: number): Promise<boolean> {
  const [row] = await sqlRows<{ used: boolean }>(
    db,
    sql`select (
    exists (select 1 from ${usageDaily} where ${usageDaily.metricPk} = ${pk} and ${usageDaily.records} > 0)
    or exists (select 1 from ${capacities} where ${capacities.metricPk} = ${pk})
    or exists (select 1 from ${installations} where ${installations.unitOfAccessPk} = ${pk})) as used`,
  );
  return Boolean(row?.used);
}

function requireCreatorOrAdmin(ctx: ServiceContext, row: MetricDefinitionRow) {
  const actor = requireUser(ctx.actor);
  if (actor.role !== "admin" && row.creatorId !== actor.id) throw forbidden();
}

export async function updateMetricDefinition(
  ctx: ServiceContext,
  id: string,
  input: unknown,
): Promise<MetricDefinitionRow> {
  const data = parseWith(metricDefinitionPatch, input);
  return ctx.db.transaction(async (tx) => {
    const row = await getMetricDefinition(tx, id);
    requireCreatorOrAdmin(ctx, row);
    if (await metricInUse(tx, row.pk))
      throw new AppError("conflict", "The Metric Definition cannot be updated. There is a Metric assigned to it.");
    const patch = {
      ...(data.metric_name ? { metricName: data.metric_name } : {}),
      ...(data.metric_description ? { metricDescription: data.metric_description } : {}),
      ...(data.unit_type ? { unitType: data.unit_type } : {}),
      ...(data.metric_type ? { metricType: data.metric_type } : {}),
    };
    if (!Object.keys(patch).length) return row;
    const [updated] = await tx.update(metricDefinitions).set(patch).where(eq(metricDefinitions.pk, row.pk)).returning();
    await recordAudit(tx, ctx, {
      action: "metric_definition.update",
      entityType: "metric_definition",
      entityId: id,
      summary: patch,
    });
    return updated;
  });
}

export async function deleteMetricDefinition(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await getMetricDefinition(tx, id);
    requireCreatorOrAdmin(ctx, row);
    if (await metricInUse(tx, row.pk))
      throw new AppError("conflict", "The Metric Definition cannot be deleted. There is a Metric assigned to it.");
    await tx.delete(metricDefinitions).where(eq(metricDefinitions.pk, row.pk));
    await recordAudit(tx, ctx, {
      action: "metric_definition.delete",
      entityType: "metric_definition",
      entityId: id,
      summary: { metric_name: row.metricName },
    });
  });
}
