import { sql } from "drizzle-orm";
import { metricDefinitions, type InstallationRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { inArray } from "drizzle-orm";
import { getInstallation, requireInstallationAccess } from "./access";
import { raiseOverCapacity } from "./over-capacity";
import type { UsageRecordInput } from "./schemas";
import { sqlRows } from "./sql-rows";
import { withRollup } from "./usage-rollup";

/** The UTC days a batch's records cover: first start to last end. */
export function daysCovered(records: { time_period_start: string; time_period_end: string }[]) {
  let from = Infinity;
  let to = -Infinity;
  for (const r of records) {
    from = Math.min(from, Date.parse(r.time_period_start));
    to = Math.max(to, Date.parse(r.time_period_end));
  }
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: day(from), to: day(to) };
}

export type IngestResult = { received: number; inserted: number; duplicates: number };
const CHUNK = 5000;
const RETRYABLE = new Set(["40P01", "40001"]);

async function metricPks(db: Executor, records: UsageRecordInput[]): Promise<Map<string, number>> {
  const ids = [...new Set(records.map((r) => r.metric_definition_id))];
  const rows = await db
    .select({ id: metricDefinitions.id, pk: metricDefinitions.pk })
    .from(metricDefinitions)
    .where(inArray(metricDefinitions.id, ids));
  const map = new Map(rows.map((r) => [r.id, r.pk]));
  const errors: FieldErrors = {};
  let bad = 0;
  records.forEach((r, i) => {
    if (map.has(r.metric_definition_id)) return;
    if (++bad <= 50)
      errors[`rows.${i + 1}.metric_definition_id`] = [
        `There is no Metric Definition with id ${r.metric_definition_id}.`,
      ];
  });
  if (bad) {
    const first = Object.keys(errors)[0];
    throw new AppError(
      "validation",
      `${bad} invalid row${bad > 1 ? "s" : ""}; nothing was stored. First: row ${first.split(".")[1]}, field metric_definition_id: ${errors[first][0]}`,
      errors,
    );
  }
  return map;
}

/** Inserts one chunk and rolls its new records into usage_daily; duplicates are skipped by the unique keys. */
export async function insertUsageChunk(
  tx: Executor,
  inst: InstallationRow,
  pks: Map<string, number>,
  chunk: UsageRecordInput[],
): Promise<number> {
  // One JSON parameter decoded by PostgreSQL is far cheaper than seven driver-serialised arrays.
  const rows = JSON.stringify(
    chunk.map((r) => ({
      m: pks.get(r.metric_definition_id)!,
      s: r.time_period_start,
      e: r.time_period_end,
      v: r.value,
      u: r.user_id ?? "",
      g: r.group_id ?? "",
      c: r.record_id ?? null,
    })),
  );
  const source = sql`insert into usage_records (installation_pk, metric_pk, time_period_start, time_period_end, value, user_id, group_id, client_record_id)
    select ${inst.pk}::int, m, s, e, v, u, g, c
    from json_to_recordset(${rows}::json) as t(m int, s timestamptz, e timestamptz, v float8, u text, g text, c text)
    on conflict do nothing
    returning installation_pk, metric_pk, time_period_start as s, time_period_end as e, value as v`;
  const [row] = await sqlRows<{ n: number }>(tx, withRollup(source, 1));
  return Number(row.n);
}

/**
 * Stores a batch of usage records for one installation, all or nothing. A record whose natural key
 * (installation, metric, period, user, group) or client record id is already stored — earlier in
 * this batch or in any other — is counted as a duplicate and not stored again.
 */
export async function ingestUsage(
  ctx: ServiceContext,
  installationId: string,
  records: UsageRecordInput[],
  source = "api",
): Promise<IngestResult> {
  const inst = await getInstallation(ctx.db, installationId);
  await requireInstallationAccess(ctx.db, ctx.actor, inst, "write_usage");
  const pks = await metricPks(ctx.db, records);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction(async (tx) => {
        let inserted = 0;
        for (let i = 0; i < records.length; i += CHUNK)
          inserted += await insertUsageChunk(tx, inst, pks, records.slice(i, i + CHUNK));
        const result = { received: records.length, inserted, duplicates: records.length - inserted };
        if (inserted > 0)
          await raiseOverCapacity(
            tx,
            ctx,
            inst,
            records.map((r) => pks.get(r.metric_definition_id)!),
            daysCovered(records),
          );
        await recordAudit(tx, ctx, {
          action: "usage.batch",
          entityType: "installation",
          entityId: inst.id,
          summary: { ...result, source },
        });
        return result;
      });
    } catch (e) {
      const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
      // Two batches touching the same keys in different orders may deadlock; the loser retries whole.
      if (code && RETRYABLE.has(code) && attempt < 4) continue;
      throw e;
    }
  }
}
