import { and, eq, ne, sql } from "drizzle-orm";
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
import { requireRegisteredTypes } from "./type-registries";

/**
 * The definition with this name and unit type, whatever their case (ARGO's rule: the pair is unique), other than
 * `exceptPk`. The pair's lock is held until the transaction ends, so two clients never define it twice.
 */
async function similarDefinition(tx: Executor, name: string, unitType: string, exceptPk?: number) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`metric:${name.toLowerCase()}:${unitType.toLowerCase()}`}))`,
  );
  const same = and(
    sql`lower(${metricDefinitions.metricName}) = lower(${name})`,
    sql`lower(${metricDefinitions.unitType}) = lower(${unitType})`,
    exceptPk === undefined ? undefined : ne(metricDefinitions.pk, exceptPk),
  );
  const [row] = await tx.select({ id: metricDefinitions.id }).from(metricDefinitions).where(same).limit(1);
  return row;
}

/**
 * Any signed-in client except read-only support may define a metric; it is then shared by all. Its unit type
 * and metric type must be registered (ARGO's 404s); a name and unit type already defined together answer 409.
 */
export async function createMetricDefinition(ctx: ServiceContext, input: unknown): Promise<MetricDefinitionRow> {
  const actor = requireUser(ctx.actor);
  if (actor.role === "support") throw forbidden();
  const data = parseWith(metricDefinitionInput, input);
  return ctx.db.transaction(async (tx) => {
    await requireRegisteredTypes(tx, { unitType: data.unit_type, metricType: data.metric_type });
    const similar = await similarDefinition(tx, data.metric_name, data.unit_type);
    if (similar)
      throw new AppError(
        "conflict",
        `There is a Metric Definition with unit type ${data.unit_type} and name ${data.metric_name}. Its id is ${similar.id}`,
      );
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
    await requireRegisteredTypes(tx, {
      unitType: data.unit_type || undefined,
      metricType: data.metric_type || undefined,
    });
    if (await metricInUse(tx, row.pk))
      throw new AppError("conflict", "The Metric Definition cannot be updated. There is a Metric assigned to it.");
    if (
      (data.metric_name || data.unit_type) &&
      (await similarDefinition(tx, data.metric_name || row.metricName, data.unit_type || row.unitType, row.pk))
    )
      throw new AppError(
        "conflict",
        "The combination of unit_type and metric_name should be unique. A Metric Definition with that combination has already been created.",
      );
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
