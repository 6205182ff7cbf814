import { and, eq, inArray, lte, sql } from "drizzle-orm";
import {
  capacities,
  installations,
  metricDefinitions,
  type InstallationRow,
  type MetricDefinitionRow,
} from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { getProvider, readableProjects, requireProviderAccess } from "./access";
import { addDays, cleanTotal, usagePercentage } from "./days";
import type { Grouping, ReportRange } from "./schemas";
import { sqlRows } from "./sql-rows";

export type SeriesBucket = {
  label: string;
  from: string;
  to: string;
  values: Record<string, number>;
  total: number;
  capacity: number | null;
  usagePercentage: number | null;
};
export type MetricSeries = { metric: MetricDefinitionRow; buckets: SeriesBucket[] };
export type UsageSeries = {
  providerId: string;
  group: Grouping;
  range: ReportRange;
  installations: InstallationRow[];
  series: MetricSeries[];
};

/** First day of the bucket holding `day` (weeks start on Monday, ISO). */
export function bucketStart(day: string, group: Grouping): string {
  const d = new Date(`${day}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (group === "day") return day;
  if (group === "week") return addDays(day, -((d.getUTCDay() + 6) % 7));
  if (group === "month") return `${y}-${String(m + 1).padStart(2, "0")}-01`;
  if (group === "quarter") return `${y}-${String(m - (m % 3) + 1).padStart(2, "0")}-01`;
  return `${y}-01-01`;
}

function nextBucket(start: string, group: Grouping): string {
  if (group === "day") return addDays(start, 1);
  if (group === "week") return addDays(start, 7);
  const d = new Date(`${start}T00:00:00Z`);
  const months = group === "month" ? 1 : group === "quarter" ? 3 : 12;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

function label(start: string, group: Grouping): string {
  if (group === "month") return start.slice(0, 7);
  if (group === "quarter") return `${start.slice(0, 4)}-Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}`;
  if (group === "year") return start.slice(0, 4);
  return start;
}

const MAX_BUCKETS = 1000;

/**
 * Chart data: usage per bucket and installation for each metric, with the capacity in force on each
 * bucket's last day (summed over the installations that have one) and the usage percentage.
 */
export async function usageSeries(
  ctx: ServiceContext,
  args: {
    providerId: string;
    projectId?: string;
    installationId?: string;
    metricDefinitionId?: string;
    range: ReportRange;
    group: Grouping;
  },
): Promise<UsageSeries> {
  const provider = await getProvider(ctx.db, args.providerId);
  let projectIds: string[] | null;
  if (args.projectId) {
    await requireProviderAccess(ctx.db, ctx.actor, provider.id, "read_reports", args.projectId);
    projectIds = [args.projectId];
  } else projectIds = await readableProjects(ctx.db, ctx.actor, provider);

  const buckets: { start: string; end: string }[] = [];
  for (let b = bucketStart(args.range.start, args.group); b <= args.range.end; b = nextBucket(b, args.group)) {
    if (buckets.length >= MAX_BUCKETS)
      throw new AppError("validation", `Too many buckets; choose a coarser grouping (at most ${MAX_BUCKETS}).`, {
        group: ["Too fine for this range."],
      });
    const from = b < args.range.start ? args.range.start : b;
    const last = addDays(nextBucket(b, args.group), -1);
    buckets.push({ start: from, end: last > args.range.end ? args.range.end : last });
  }

  const insts = await ctx.db
    .select()
    .from(installations)
    .where(
      and(
        eq(installations.providerId, provider.id),
        projectIds ? (projectIds.length ? inArray(installations.projectId, projectIds) : sql`false`) : undefined,
        args.installationId ? eq(installations.id, args.installationId) : undefined,
      ),
    )
    .orderBy(installations.installation, installations.pk);
  if (!insts.length)
    return { providerId: provider.id, group: args.group, range: args.range, installations: [], series: [] };
  const pks = insts.map((i) => i.pk);
  const instByPk = new Map(insts.map((i) => [i.pk, i]));
  const metricFilter = args.metricDefinitionId
    ? sql`and d.metric_pk = (select pk from metric_definitions where id = ${args.metricDefinitionId})`
    : sql``;
  const rows = await sqlRows<{ installation_pk: number; metric_pk: number; bucket: string; total: number }>(
    ctx.db,
    sql`select d.installation_pk, d.metric_pk, date_trunc(${args.group}, d.day::timestamp)::date::text as bucket, sum(d.value)::float8 as total
      from usage_daily d
      where d.installation_pk = any(${sql.param(pks)}::int[])
        and d.day >= ${args.range.start}::date and d.day <= ${args.range.end}::date and d.records > 0 ${metricFilter}
      group by 1, 2, 3`,
  );
  const metricPks = [...new Set(rows.map((r) => Number(r.metric_pk)))];
  if (!metricPks.length)
    return { providerId: provider.id, group: args.group, range: args.range, installations: insts, series: [] };
  const metrics = await ctx.db
    .select()
    .from(metricDefinitions)
    .where(inArray(metricDefinitions.pk, metricPks))
    .orderBy(metricDefinitions.metricName);
  const caps = await ctx.db
    .select()
    .from(capacities)
    .where(
      and(
        inArray(capacities.installationPk, pks),
        inArray(capacities.metricPk, metricPks),
        lte(capacities.registeredOn, args.range.end),
      ),
    );

  const series = metrics.map((metric) => ({
    metric,
    buckets: buckets.map(({ start, end }) => {
      const bucketKey = bucketStart(start, args.group);
      const values: Record<string, number> = {};
      for (const r of rows)
        if (Number(r.metric_pk) === metric.pk && r.bucket === bucketKey)
          values[instByPk.get(Number(r.installation_pk))!.id] = cleanTotal(Number(r.total));
      const total = cleanTotal(Object.values(values).reduce((s, v) => s + v, 0));
      let capacity: number | null = null;
      for (const inst of insts) {
        const inForce = caps
          .filter((c) => c.installationPk === inst.pk && c.metricPk === metric.pk && c.registeredOn <= end)
          .sort((a, b) => b.registeredOn.localeCompare(a.registeredOn))[0];
        if (inForce) capacity = (capacity ?? 0) + inForce.value;
      }
      return {
        label: label(bucketKey, args.group),
        from: start,
        to: end,
        values,
        total,
        capacity,
        usagePercentage: usagePercentage(total, capacity),
      };
    }),
  }));
  return { providerId: provider.id, group: args.group, range: args.range, installations: insts, series };
}
