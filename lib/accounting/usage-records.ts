import { and, desc, eq, or, sql } from "drizzle-orm";
import {
  metricDefinitions,
  usageRecords,
  type InstallationRow,
  type MetricDefinitionRow,
  type UsageRecordRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { getInstallation, requireInstallationAccess } from "./access";
import { ingestUsage } from "./ingest-usage";
import { raiseOverCapacity } from "./over-capacity";
import { usageRecordInput, usageRecordPatch } from "./schemas";
import { sqlRows } from "./sql-rows";
import { withRollup } from "./usage-rollup";

export type UsageRecordView = { record: UsageRecordRow; installation: InstallationRow; metric: MetricDefinitionRow };

async function findRecord(db: Executor, inst: InstallationRow, metricId: string): Promise<UsageRecordView> {
  if (!/^\d{1,18}$/.test(metricId)) throw notFound("Metric");
  const [row] = await db
    .select({ record: usageRecords, metric: metricDefinitions })
    .from(usageRecords)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, usageRecords.metricPk))
    .where(and(eq(usageRecords.id, Number(metricId)), eq(usageRecords.installationPk, inst.pk)));
  if (!row) throw notFound("Metric");
  return { ...row, installation: inst };
}

/** One record; a repeat of a stored record answers that record (created: false) instead of a second copy. */
export async function postUsageRecord(
  ctx: ServiceContext,
  installationId: string,
  input: unknown,
): Promise<UsageRecordView & { created: boolean }> {
  const data = parseWith(usageRecordInput, input);
  const result = await ingestUsage(ctx, installationId, [data], "single");
  const inst = await getInstallation(ctx.db, installationId);
  // The stored record: the one with the client's record id, or the same metric, period, user and group.
  const sameRecord = sql`(${metricDefinitions.id} = ${data.metric_definition_id}
    and ${usageRecords.timePeriodStart} = ${data.time_period_start}::timestamptz
    and ${usageRecords.timePeriodEnd} = ${data.time_period_end}::timestamptz
    and ${usageRecords.userId} = ${data.user_id ?? ""} and ${usageRecords.groupId} = ${data.group_id ?? ""})`;
  const [row] = await ctx.db
    .select({ record: usageRecords, metric: metricDefinitions })
    .from(usageRecords)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, usageRecords.metricPk))
    .where(
      and(
        eq(usageRecords.installationPk, inst.pk),
        data.record_id ? or(eq(usageRecords.clientRecordId, data.record_id), sameRecord) : sameRecord,
      ),
    )
    .limit(1);
  return { ...row, installation: inst, created: result.inserted === 1 };
}

export async function readUsageRecord(
  ctx: ServiceContext,
  installationId: string,
  metricId: string,
): Promise<UsageRecordView> {
  const inst = await getInstallation(ctx.db, installationId);
  await requireInstallationAccess(ctx.db, ctx.actor, inst, "read_reports").catch(() =>
    requireInstallationAccess(ctx.db, ctx.actor, inst, "write_usage"),
  );
  return findRecord(ctx.db, inst, metricId);
}

export async function listUsageRecords(
  ctx: ServiceContext,
  installationId: string,
  page: number,
  size: number,
): Promise<{ rows: UsageRecordView[]; total: number }> {
  const inst = await getInstallation(ctx.db, installationId);
  await requireInstallationAccess(ctx.db, ctx.actor, inst, "read_reports").catch(() =>
    requireInstallationAccess(ctx.db, ctx.actor, inst, "write_usage"),
  );
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(usageRecords)
    .where(eq(usageRecords.installationPk, inst.pk));
  const rows = await ctx.db
    .select({ record: usageRecords, metric: metricDefinitions })
    .from(usageRecords)
    .innerJoin(metricDefinitions, eq(metricDefinitions.pk, usageRecords.metricPk))
    .where(eq(usageRecords.installationPk, inst.pk))
    .orderBy(desc(usageRecords.timePeriodStart), desc(usageRecords.id))
    .limit(size)
    .offset((page - 1) * size);
  return { rows: rows.map((r) => ({ ...r, installation: inst })), total: Number(total) };
}

const rollupSource = (id: number) =>
  sql`select installation_pk, metric_pk, time_period_start as s, time_period_end as e, value as v from usage_records where id = ${id}`;

/** A correction: the old record leaves the rollup and the new one enters it in the same transaction. */
export async function updateUsageRecord(
  ctx: ServiceContext,
  installationId: string,
  metricId: string,
  input: unknown,
): Promise<UsageRecordView> {
  const data = parseWith(usageRecordPatch, input);
  return ctx.db.transaction(async (tx) => {
    const inst = await getInstallation(tx, installationId);
    await requireInstallationAccess(tx, ctx.actor, inst, "write_usage");
    const { record } = await findRecord(tx, inst, metricId);
    const next = {
      timePeriodStart: data.time_period_start ? new Date(data.time_period_start) : record.timePeriodStart,
      timePeriodEnd: data.time_period_end ? new Date(data.time_period_end) : record.timePeriodEnd,
      value: data.value ?? record.value,
      userId: data.user_id ?? record.userId,
      groupId: data.group_id ?? record.groupId,
    };
    if (next.timePeriodEnd < next.timePeriodStart)
      throw new AppError("validation", "Invalid time_period_end: must not be before time_period_start.", {
        time_period_end: ["Must not be before time_period_start."],
      });
    await sqlRows(tx, withRollup(rollupSource(record.id), -1));
    try {
      await tx.update(usageRecords).set(next).where(eq(usageRecords.id, record.id));
    } catch (e) {
      const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
      if (code === "23505")
        throw new AppError(
          "conflict",
          "Another metric with the same installation, metric definition, period, user and group already exists.",
        );
      throw e;
    }
    await sqlRows(tx, withRollup(rollupSource(record.id), 1));
    await raiseOverCapacity(tx, ctx, inst, [record.metricPk], {
      from: next.timePeriodStart.toISOString().slice(0, 10),
      to: next.timePeriodEnd.toISOString().slice(0, 10),
    });
    await recordAudit(tx, ctx, {
      action: "usage.update",
      entityType: "usage_record",
      entityId: String(record.id),
      summary: { installation: inst.id, ...data },
    });
    return findRecord(tx, inst, metricId);
  });
}

export async function deleteUsageRecord(ctx: ServiceContext, installationId: string, metricId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const inst = await getInstallation(tx, installationId);
    await requireInstallationAccess(tx, ctx.actor, inst, "write_usage");
    const { record } = await findRecord(tx, inst, metricId);
    await sqlRows(
      tx,
      withRollup(
        sql`delete from usage_records where id = ${record.id} returning installation_pk, metric_pk, time_period_start as s, time_period_end as e, value as v`,
        -1,
      ),
    );
    await recordAudit(tx, ctx, {
      action: "usage.delete",
      entityType: "usage_record",
      entityId: String(record.id),
      summary: { installation: inst.id, value: record.value },
    });
  });
}
