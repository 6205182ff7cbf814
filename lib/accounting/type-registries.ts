import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { metricDefinitions, metricTypes, unitTypes } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { parseWith, requiredText } from "@/lib/errors/zod-errors";
import { newObjectId } from "./ids";

/** One of ARGO's two registries: unit types and metric types (the same rules, other names). */
export type TypeRegistry = {
  /** ARGO's noun in messages: "Unit Type". */
  label: "Unit Type" | "Metric Type";
  /** The JSON field and the metric definition's field: "unit_type". */
  field: "unit_type" | "metric_type";
  table: typeof unitTypes;
  name: typeof unitTypes.unitType;
  /** The row key of the name (`unitType` / `metricType`). */
  key: "unitType" | "metricType";
  /** The metric definitions' column that names a type of this registry. */
  usedBy: AnyPgColumn;
};

export const UNIT_TYPES: TypeRegistry = {
  label: "Unit Type",
  field: "unit_type",
  table: unitTypes,
  name: unitTypes.unitType,
  key: "unitType",
  usedBy: metricDefinitions.unitType,
};
export const METRIC_TYPES: TypeRegistry = {
  label: "Metric Type",
  field: "metric_type",
  // Same shape as unit_types but for the name column's key; queries go through `name` and `key`.
  table: metricTypes as unknown as typeof unitTypes,
  name: metricTypes.metricType as unknown as typeof unitTypes.unitType,
  key: "metricType",
  usedBy: metricDefinitions.metricType,
};

export type TypeRow = { pk: number; id: string; name: string; description: string; creatorId: string };

const columns = (r: TypeRegistry) => ({
  pk: r.table.pk,
  id: r.table.id,
  name: r.name,
  description: r.table.description,
  creatorId: r.table.creatorId,
});
const sameName = (column: AnyPgColumn, name: string) => sql`lower(${column}) = lower(${name})`;

/** ARGO's request body: POST needs both fields, PATCH either. */
export const typeInput = (r: TypeRegistry) =>
  z.strictObject({ [r.field]: requiredText(r.field, 100), description: requiredText("description", 1000) });
export const typePatch = (r: TypeRegistry) =>
  z.strictObject({
    [r.field]: requiredText(r.field, 100).nullish(),
    description: requiredText("description", 1000).nullish(),
  });

// A name's lock: creating, renaming or deleting a type and defining a metric with it take turns, so a metric
// definition never names a type deleted at the same moment and two clients never register one name twice.
const lockName = (tx: Executor, r: TypeRegistry, name: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${r.field}:${name.toLowerCase()}`}))`);

export async function listTypes(db: Executor, r: TypeRegistry, page: number, size: number) {
  const [{ total }] = await db.select({ total: count() }).from(r.table);
  const rows: TypeRow[] = await db
    .select(columns(r))
    .from(r.table)
    .orderBy(asc(r.table.pk))
    .limit(size)
    .offset((page - 1) * size);
  return { rows, total: Number(total) };
}

export async function getType(db: Executor, r: TypeRegistry, id: string): Promise<TypeRow> {
  const [row] = await db.select(columns(r)).from(r.table).where(eq(r.table.id, id));
  if (!row) throw new AppError("not_found", `There is no ${r.label} with the following id: ${id}`);
  return row;
}

/** The registered type of that name, whatever its case. */
export async function findTypeByName(db: Executor, r: TypeRegistry, name: string, exceptPk?: number) {
  const [row] = await db
    .select(columns(r))
    .from(r.table)
    .where(exceptPk === undefined ? sameName(r.name, name) : and(sameName(r.name, name), ne(r.table.pk, exceptPk)))
    .limit(1);
  return row as TypeRow | undefined;
}

const conflict = (r: TypeRegistry, existing: TypeRow) =>
  new AppError(
    "conflict",
    `This ${r.label} already exists in the Accounting Service database. Its id is ${existing.id}`,
    { [r.field]: [`This ${r.label} already exists.`] },
  );

async function inUse(tx: Executor, r: TypeRegistry, name: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(metricDefinitions)
    .where(sameName(r.usedBy, name))
    .limit(1);
  return Boolean(row);
}

/** Changes to a type: never to the service's own; only by its creator or an admin; never while a metric names it. */
async function requireChangeable(ctx: ServiceContext, tx: Executor, r: TypeRegistry, row: TypeRow, verb: string) {
  const actor = requireUser(ctx.actor);
  if (row.creatorId === "") throw forbidden(`You cannot ${verb} a ${r.label} registered by Accounting Service.`);
  if (actor.role !== "admin" && row.creatorId !== actor.id)
    throw forbidden(`Only the creator of this ${r.label} or an admin may ${verb} it.`);
  if (await inUse(tx, r, row.name))
    throw forbidden(`This ${r.label} is used in an existing Metric Definition, so you cannot ${verb} it.`);
}

export async function createType(ctx: ServiceContext, r: TypeRegistry, input: unknown): Promise<TypeRow> {
  const actor = requireUser(ctx.actor);
  if (actor.role === "support") throw forbidden("Support accounts are read-only.");
  const data = parseWith(typeInput(r), input) as Record<string, string>;
  const name = data[r.field];
  return ctx.db.transaction(async (tx) => {
    await lockName(tx, r, name);
    const existing = await findTypeByName(tx, r, name);
    if (existing) throw conflict(r, existing);
    const [row] = await tx
      .insert(r.table)
      .values({ id: newObjectId(), [r.key]: name, description: data.description, creatorId: actor.id } as never)
      .returning(columns(r));
    await recordAudit(tx, ctx, {
      action: `${r.field}.create`,
      entityType: r.field,
      entityId: row.id,
      summary: { [r.field]: name, description: data.description },
    });
    return row as TypeRow;
  });
}

export async function updateType(ctx: ServiceContext, r: TypeRegistry, id: string, input: unknown): Promise<TypeRow> {
  const data = parseWith(typePatch(r), input) as Record<string, string | null | undefined>;
  return ctx.db.transaction(async (tx) => {
    const current = await getType(tx, r, id);
    await lockName(tx, r, current.name);
    await requireChangeable(ctx, tx, r, current, "update");
    const name = data[r.field] ?? undefined;
    const description = data.description ?? undefined;
    if (name !== undefined && name !== current.name) {
      await lockName(tx, r, name);
      const existing = await findTypeByName(tx, r, name, current.pk);
      if (existing) throw conflict(r, existing);
    }
    const changes = {
      ...(name !== undefined && name !== current.name ? { [r.key]: name } : {}),
      ...(description !== undefined && description !== current.description ? { description } : {}),
    };
    if (!Object.keys(changes).length) return current;
    const [row] = await tx
      .update(r.table)
      .set(changes as never)
      .where(eq(r.table.pk, current.pk))
      .returning(columns(r));
    await recordAudit(tx, ctx, {
      action: `${r.field}.update`,
      entityType: r.field,
      entityId: id,
      summary: {
        ...(name !== undefined ? { [r.field]: { from: current.name, to: name } } : {}),
        ...(description !== undefined ? { description: { from: current.description, to: description } } : {}),
      },
    });
    return row as TypeRow;
  });
}

export async function deleteType(ctx: ServiceContext, r: TypeRegistry, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await getType(tx, r, id);
    await lockName(tx, r, current.name);
    await requireChangeable(ctx, tx, r, current, "delete");
    await tx.delete(r.table).where(eq(r.table.pk, current.pk));
    await recordAudit(tx, ctx, {
      action: `${r.field}.delete`,
      entityType: r.field,
      entityId: id,
      summary: { [r.field]: current.name, description: current.description },
    });
  });
}

/**
 * A metric definition names a registered unit type and metric type (ARGO's 404s, its texts). The names stay
 * locked until the transaction ends, so neither type is deleted under the definition being written.
 */
export async function requireRegisteredTypes(
  tx: Executor,
  names: { unitType?: string; metricType?: string },
): Promise<void> {
  for (const [r, name] of [
    [UNIT_TYPES, names.unitType],
    [METRIC_TYPES, names.metricType],
  ] as const) {
    if (name === undefined) continue;
    await lockName(tx, r, name);
    if (!(await findTypeByName(tx, r, name)))
      throw new AppError("not_found", `There is no ${r.label.toLowerCase()} : ${name}`, {
        [r.field]: [`There is no ${r.label.toLowerCase()} : ${name}`],
      });
  }
}

/** Registers names the service itself brings in (a Waldur offering component's unit), keeping existing ones. */
export async function registerTypes(tx: Executor, r: TypeRegistry, names: string[], creatorId: string) {
  const unique = [...new Map(names.filter(Boolean).map((n) => [n.toLowerCase(), n])).values()];
  if (!unique.length) return;
  await tx
    .insert(r.table)
    .values(unique.map((n) => ({ id: newObjectId(), [r.key]: n, description: n, creatorId }) as never))
    .onConflictDoNothing();
}
