import { and, eq, inArray, lte, sql } from "drizzle-orm";
import {
  capacities,
  installations,
  metricDefinitions,
  type InstallationRow,
  type MetricDefinitionRow,
  type ProviderRow,
} from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { addDays, cleanTotal, usagePercentage } from "./days";
import type { ReportRange } from "./schemas";
import { sqlRows } from "./sql-rows";

export type ReportPeriod = {
  from: string;
  toExclusive: string;
  total: number;
  capacity: number | null;
  usagePercentage: number | null;
};
export type MetricReport = { metric: MetricDefinitionRow; total: number; periods: ReportPeriod[] };
export type InstallationReport = { installation: InstallationRow; metrics: MetricReport[] };
export type ProviderReport = {
  provider: ProviderRow;
  installations: InstallationReport[];
  aggregated: { metric: MetricDefinitionRow; total: number }[];
};

type Cap = { installationPk: number; metricPk: number; value: number; registeredOn: string };
const pairKey = (i: number, m: number) => `${i}:${m}`;

/** Capacity in force on `day`: the latest registered on or before it. */
function capacityOn(caps: Cap[], day: string): number | null {
  let best: Cap | undefined;
  for (const c of caps) if (c.registeredOn <= day && (!best || c.registeredOn > best.registeredOn)) best = c;
  return best ? best.value : null;
}

/** Period starts for one (installation, metric): the range start and every capacity day inside it. */
function boundaries(caps: Cap[], range: ReportRange): string[] {
  return [range.start, ...caps.map((c) => c.registeredOn).filter((d) => d > range.start && d <= range.end)].sort();
}

/**
 * The ARGO provider report over the daily rollup: each installation's metrics with periods cut at
 * capacity boundaries. Exact because ranges and capacities start on UTC days and the rollup splits
 * records straddling midnight pro rata (see usage-rollup.ts).
 */
export async function buildProviderReport(
  db: Executor,
  provider: ProviderRow,
  range: ReportRange,
  filter: { projectIds?: string[] | null; installationPks?: number[] } = {},
): Promise<ProviderReport> {
  const insts = await db
    .select()
    .from(installations)
    .where(
      and(
        eq(installations.providerId, provider.id),
        filter.projectIds
          ? filter.projectIds.length
            ? inArray(installations.projectId, filter.projectIds)
            : sql`false`
          : undefined,
        filter.installationPks ? inArray(installations.pk, filter.installationPks) : undefined,
      ),
    )
    .orderBy(installations.projectId, installations.installation, installations.pk);
  if (!insts.length) return { provider, installations: [], aggregated: [] };
  const pks = insts.map((i) => i.pk);
  const caps: Cap[] = await db
    .select({
      installationPk: capacities.installationPk,
      metricPk: capacities.metricPk,
      value: capacities.value,
      registeredOn: capacities.registeredOn,
    })
    .from(capacities)
    .where(and(inArray(capacities.installationPk, pks), lte(capacities.registeredOn, range.end)));
  const capsByPair = new Map<string, Cap[]>();
  for (const c of caps)
    capsByPair.set(pairKey(c.installationPk, c.metricPk), [
      ...(capsByPair.get(pairKey(c.installationPk, c.metricPk)) ?? []),
      c,
    ]);

  const seg = { i: [] as number[], m: [] as number[], f: [] as string[], t: [] as string[] };
  for (const [key, list] of capsByPair) {
    const [i, m] = key.split(":").map(Number);
    const b = boundaries(list, range);
    b.forEach(
      (from, k) => (seg.i.push(i), seg.m.push(m), seg.f.push(from), seg.t.push(b[k + 1] ?? addDays(range.end, 1))),
    );
  }
  const endExclusive = addDays(range.end, 1);
  const rows = await sqlRows<{ installation_pk: number; metric_pk: number; seg_from: string; total: number }>(
    db,
    sql`select d.installation_pk, d.metric_pk, coalesce(s.f, ${range.start}::date)::text as seg_from, sum(d.value)::float8 as total
      from usage_daily d
      left join unnest(${sql.param(seg.i)}::int[], ${sql.param(seg.m)}::int[], ${sql.param(seg.f)}::date[], ${sql.param(seg.t)}::date[]) as s(i, m, f, t)
        on s.i = d.installation_pk and s.m = d.metric_pk and d.day >= s.f and d.day < s.t
      where d.installation_pk = any(${sql.param(pks)}::int[]) and d.day >= ${range.start}::date and d.day < ${endExclusive}::date and d.records > 0
      group by 1, 2, 3`,
  );
  const metricPks = [...new Set(rows.map((r) => Number(r.metric_pk)))];
  const metrics = metricPks.length
    ? await db.select().from(metricDefinitions).where(inArray(metricDefinitions.pk, metricPks))
    : [];
  const metricByPk = new Map(metrics.map((m) => [m.pk, m]));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(`${r.installation_pk}:${r.metric_pk}:${r.seg_from}`, Number(r.total));

  const aggregated = new Map<number, number>();
  const out: InstallationReport[] = insts.map((inst) => {
    const present = metricPks.filter((m) =>
      rows.some((r) => Number(r.installation_pk) === inst.pk && Number(r.metric_pk) === m),
    );
    const metricReports = present
      .map((m) => {
        const list = capsByPair.get(pairKey(inst.pk, m)) ?? [];
        const b = boundaries(list, range);
        const periods = b.map((from, k) => {
          const total = cleanTotal(totals.get(`${inst.pk}:${m}:${from}`) ?? 0);
          const capacity = capacityOn(list, from);
          return {
            from,
            toExclusive: b[k + 1] ?? endExclusive,
            total,
            capacity,
            usagePercentage: usagePercentage(total, capacity),
          };
        });
        const total = cleanTotal(periods.reduce((s, p) => s + p.total, 0));
        aggregated.set(m, (aggregated.get(m) ?? 0) + total);
        return { metric: metricByPk.get(m)!, total, periods };
      })
      .sort((a, b) => a.metric.metricName.localeCompare(b.metric.metricName));
    return { installation: inst, metrics: metricReports };
  });
  return {
    provider,
    installations: out,
    aggregated: [...aggregated]
      .map(([m, total]) => ({ metric: metricByPk.get(m)!, total: cleanTotal(total) }))
      .sort((a, b) => a.metric.metricName.localeCompare(b.metric.metricName)),
  };
}

/** Sum of several providers' aggregated metrics (the global report's top-level `aggregated_metrics`). */
export function sumAggregated(reports: ProviderReport[]): ProviderReport["aggregated"] {
  const acc = new Map<number, { metric: MetricDefinitionRow; total: number }>();
  for (const r of reports)
    for (const a of r.aggregated)
      acc.set(a.metric.pk, { metric: a.metric, total: (acc.get(a.metric.pk)?.total ?? 0) + a.total });
  return [...acc.values()].map((a) => ({ ...a, total: cleanTotal(a.total) }));
}
