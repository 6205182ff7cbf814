import { addDays, cleanTotal, usagePercentage } from "./days";
import type { Grouping } from "./schemas";

/**
 * A capacity is a budget for its capacity period (ARGO: valid from `registered_on` until the next one),
 * not a rate per day or month. A chart therefore compares it with the usage of its period so far,
 * never with one bucket's usage. Pure functions here; usage-series.ts feeds them rows from the rollup.
 */

/** First day of the calendar bucket holding `day` (weeks start on Monday, ISO). */
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

/** First day of the bucket after the one starting on `start`. */
export function nextBucket(start: string, group: Grouping): string {
  if (group === "day") return addDays(start, 1);
  if (group === "week") return addDays(start, 7);
  const d = new Date(`${start}T00:00:00Z`);
  const months = group === "month" ? 1 : group === "quarter" ? 3 : 12;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

/**
 * A bucket is partial when the range cuts it (a report from the 15th holds half a month) or when it
 * is not over yet (it reaches today): its bar is drawn as "so far", not like a full one.
 */
export function isPartialBucket(from: string, to: string, group: Grouping, today: string): boolean {
  const start = bucketStart(from, group);
  const lastDay = addDays(nextBucket(start, group), -1);
  return from > start || to < lastDay || to >= today;
}

export type SegmentRow = {
  installationPk: number;
  metricPk: number;
  /** first day of the calendar bucket */
  bucket: string;
  /** registered_on of the capacity in force on the usage's days; null before the first capacity */
  segment: string | null;
  total: number;
};
export type CapacityEntry = { installationPk: number; metricPk: number; value: number; registeredOn: string };

export type PeriodToDate = { capacity: number | null; used: number | null; usagePercentage: number | null };

/**
 * At the end of one bucket (`end`, its calendar start `bucketKey`): the capacities in force summed over
 * the installations that have one, and the usage of those installations since their capacity period
 * began (cut at the range start, as the ARGO report cuts it). Installations without a capacity add
 * to neither, so the percentage is the budgeted installations' share of their budget.
 */
export function periodToDate(
  rows: SegmentRow[],
  caps: CapacityEntry[],
  metricPk: number,
  installationPks: number[],
  bucketKey: string,
  end: string,
): PeriodToDate {
  let capacity: number | null = null;
  let used = 0;
  for (const pk of installationPks) {
    let inForce: CapacityEntry | undefined;
    for (const c of caps)
      if (c.installationPk === pk && c.metricPk === metricPk && c.registeredOn <= end)
        if (!inForce || c.registeredOn > inForce.registeredOn) inForce = c;
    if (!inForce) continue;
    capacity = (capacity ?? 0) + inForce.value;
    for (const r of rows)
      if (
        r.installationPk === pk &&
        r.metricPk === metricPk &&
        r.segment === inForce.registeredOn &&
        r.bucket <= bucketKey
      )
        used += r.total;
  }
  if (capacity === null) return { capacity: null, used: null, usagePercentage: null };
  const total = cleanTotal(used);
  return { capacity: cleanTotal(capacity), used: total, usagePercentage: usagePercentage(total, capacity) };
}
