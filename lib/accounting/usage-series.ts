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
import { bucketStart, isPartialBucket, nextBucket, periodToDate, type SegmentRow } from "./capacity-to-date";
import { addDays, cleanTotal } from "./days";
import type { Grouping, ReportRange } from "./schemas";
import { sqlRows } from "./sql-rows";

export type SeriesBucket = {
  label: string;
  from: string;
  to: string;
  /** cut by the range or not over yet: drawn as "so far" */
  partial: boolean;
  values: Record<string, number>;
  total: number;
  /** capacities in force at the bucket's end, summed over the installations that have one */
  capacity: number | null;
  /** those installations' usage since their capacity period began (cut at the range start) */
  capacityUsed: number | null;
  /** capacityUsed / capacity, as the ARGO report computes a period's percentage */
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

function label(start: string, group: Grouping): string {
  if (group === "month") return start.slice(0, 7);
  if (group === "quarter") return `${start.slice(0, 4)}-Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}`;
  if (group === "year") return start.slice(0, 4);
  return start;
}

const MAX_BUCKETS = 1000;

export { bucketStart } from "./capacity-to-date";

/**
 * Chart data: usage per bucket and installation for each metric and, at each bucket's end, the
 * capacities in force with the usage of their capacity period so far (see capacity-to-date.ts).
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
  today = new Date().toISOString().slice(0, 10),
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
  // Per bucket and capacity period (the registered_on of the capacity in force on the day), so the
  // usage of a capacity period so far is a sum of whole rows.
  const raw = await sqlRows<{
    installation_pk: number;
    metric_pk: number;
    bucket: string;
    segment: string | null;
    total: number;
  }>(
    ctx.db,
    sql`select d.installation_pk, d.metric_pk, date_trunc(${args.group}, d.day::timestamp)::date::text as bucket,
        (select max(c.registered_on) from installation_capacities c
          where c.installation_pk = d.installation_pk and c.metric_pk = d.metric_pk and c.registered_on <= d.day)::text as segment,
        sum(d.value)::float8 as total
      from usage_daily d
      where d.installation_pk = any(${sql.param(pks)}::int[])
        and d.day >= ${args.range.start}::date and d.day <= ${args.range.end}::date and d.records > 0 ${metricFilter}
      group by 1, 2, 3, 4`,
  );
  const rows: SegmentRow[] = raw.map((r) => ({
    installationPk: Number(r.installation_pk),
    metricPk: Number(r.metric_pk),
    bucket: r.bucket,
    segment: r.segment,
    total: Number(r.total),
  }));
  const metricPks = [...new Set(rows.map((r) => r.metricPk))];
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
        if (r.metricPk === metric.pk && r.bucket === bucketKey) {
          const id = instByPk.get(r.installationPk)!.id;
          values[id] = cleanTotal((values[id] ?? 0) + r.total);
        }
      const toDate = periodToDate(rows, caps, metric.pk, pks, bucketKey, end);
      return {
        label: label(bucketKey, args.group),
        from: start,
        to: end,
        partial: isPartialBucket(start, end, args.group, today),
        values,
        total: cleanTotal(Object.values(values).reduce((s, v) => s + v, 0)),
        capacity: toDate.capacity,
        capacityUsed: toDate.used,
        usagePercentage: toDate.usagePercentage,
      };
    }),
  }));
  return { providerId: provider.id, group: args.group, range: args.range, installations: insts, series };
}
