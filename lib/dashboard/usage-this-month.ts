import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { sqlRows } from "@/lib/accounting/sql-rows";
import { usagePercentage } from "@/lib/accounting/days";

export type MetricThisMonth = {
  metricName: string;
  unit: string;
  /** usage from the 1st of this month (UTC) to today */
  month: number;
  /** one value per day of this month so far, for a sparkline */
  daily: number[];
  /** capacities in force today, summed over the installations that have one */
  capacity: number | null;
  /** those installations' usage since their capacity was registered (a capacity is a budget for its period) */
  capacityUsed: number | null;
  usagePercentage: number | null;
};

/**
 * This month's usage per metric over the installations `scope` selects (a condition on `p`, the
 * providers row), with a day-by-day series and the capacity period so far against its capacity.
 */
export async function usageThisMonth(db: Executor, scope: SQL, today: string): Promise<MetricThisMonth[]> {
  const monthStart = `${today.slice(0, 8)}01`;
  const days = Number(today.slice(8, 10));
  const inScope = sql`select i.pk from installations i join providers p on p.id = i.provider_id where ${scope}`;
  const [daily, budgets] = await Promise.all([
    sqlRows<{ metric_pk: number; metric_name: string; unit_type: string; day: string; total: number }>(
      db,
      sql`select d.metric_pk, m.metric_name, m.unit_type, d.day::text as day, sum(d.value)::float8 as total
        from usage_daily d join metric_definitions m on m.pk = d.metric_pk
        where d.installation_pk in (${inScope}) and d.day >= ${monthStart}::date and d.day <= ${today}::date and d.records > 0
        group by 1, 2, 3, 4`,
    ),
    sqlRows<{ metric_pk: number; capacity: number; used: number }>(
      db,
      sql`with cap as (
          select distinct on (c.installation_pk, c.metric_pk) c.installation_pk, c.metric_pk, c.value, c.registered_on
          from installation_capacities c
          where c.installation_pk in (${inScope}) and c.registered_on <= ${today}::date
          order by c.installation_pk, c.metric_pk, c.registered_on desc)
        select cap.metric_pk, sum(cap.value)::float8 as capacity,
          coalesce(sum((select sum(d.value) from usage_daily d where d.installation_pk = cap.installation_pk
            and d.metric_pk = cap.metric_pk and d.day >= cap.registered_on and d.day <= ${today}::date and d.records > 0)), 0)::float8 as used
        from cap group by 1`,
    ),
  ]);
  const byMetric = new Map<number, MetricThisMonth>();
  for (const r of daily) {
    const m = byMetric.get(Number(r.metric_pk)) ?? {
      metricName: r.metric_name,
      unit: r.unit_type,
      month: 0,
      daily: Array.from({ length: days }, () => 0),
      capacity: null,
      capacityUsed: null,
      usagePercentage: null,
    };
    m.month += Number(r.total);
    m.daily[Number(r.day.slice(8, 10)) - 1] += Number(r.total);
    byMetric.set(Number(r.metric_pk), m);
  }
  for (const b of budgets) {
    const m = byMetric.get(Number(b.metric_pk));
    if (!m) continue;
    m.capacity = Number(b.capacity);
    m.capacityUsed = Number(b.used);
    m.usagePercentage = usagePercentage(m.capacityUsed, m.capacity);
  }
  return [...byMetric.values()]
    .map((m) => ({ ...m, month: Number(m.month.toPrecision(12)) }))
    .sort((a, b) => a.metricName.localeCompare(b.metricName));
}
