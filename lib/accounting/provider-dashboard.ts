import type { ServiceContext } from "@/lib/auth/actor";
import { addDays } from "./days";
import { globalProviderReport } from "./read-reports";
import { usageSeries, type UsageSeries } from "./usage-series";

export type CapacityAlert = {
  installationId: string;
  installation: string;
  metricName: string;
  unit: string;
  total: number;
  capacity: number;
  usagePercentage: number;
  over: boolean;
};
export type ProviderDashboard = {
  today: string;
  totals: { metricName: string; unit: string; last30: number; last365: number }[];
  top: { metricName: string; unit: string; installations: { id: string; installation: string; total: number }[] }[];
  alerts: CapacityAlert[];
  daily: UsageSeries;
  monthly: UsageSeries;
};

const NEAR = 80;

/** Headline figures for one provider: totals for 30 days and 12 months, top installations, capacity alerts. */
export async function providerDashboard(
  ctx: ServiceContext,
  providerId: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<ProviderDashboard> {
  const last30 = { start: addDays(today, -29), end: today };
  const last365 = { start: addDays(today, -364), end: today };
  const [daily, monthly, year, month] = await Promise.all([
    usageSeries(ctx, { providerId, range: last30, group: "day" }, today),
    usageSeries(ctx, { providerId, range: last365, group: "month" }, today),
    globalProviderReport(ctx, providerId, last365),
    globalProviderReport(ctx, providerId, last30),
  ]);
  const totals = year.aggregated.map((a) => ({
    metricName: a.metric.metricName,
    unit: a.metric.unitType,
    last365: a.total,
    last30: month.aggregated.find((m) => m.metric.pk === a.metric.pk)?.total ?? 0,
  }));
  const top = month.aggregated.map((a) => ({
    metricName: a.metric.metricName,
    unit: a.metric.unitType,
    installations: month.reports[0].installations
      .map((i) => ({
        id: i.installation.id,
        installation: i.installation.installation,
        total: i.metrics.find((m) => m.metric.pk === a.metric.pk)?.total ?? 0,
      }))
      .filter((i) => i.total > 0)
      .sort((x, y) => y.total - x.total)
      .slice(0, 5),
  }));
  // The period in force now: the last period of the 30-day report for each installation's metric.
  const alerts: CapacityAlert[] = [];
  for (const i of month.reports[0].installations)
    for (const m of i.metrics) {
      const p = m.periods[m.periods.length - 1];
      if (p?.capacity && p.usagePercentage !== null && p.usagePercentage >= NEAR)
        alerts.push({
          installationId: i.installation.id,
          installation: i.installation.installation,
          metricName: m.metric.metricName,
          unit: m.metric.unitType,
          total: p.total,
          capacity: p.capacity,
          usagePercentage: p.usagePercentage,
          over: p.usagePercentage > 100,
        });
    }
  alerts.sort((a, b) => b.usagePercentage - a.usagePercentage);
  return { today, totals, top, alerts, daily, monthly };
}
