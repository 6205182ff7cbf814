import type { ServiceContext } from "@/lib/auth/actor";
import { addDays } from "./days";
import { globalProviderReport } from "./read-reports";
import type { ReportRange } from "./schemas";

export type UsageSummaryMetric = { metricName: string; unit: string; total: number; capacity: number | null };
export type ProviderUsageSummary = {
  month: ReportRange;
  installations: { id: string; installation: string; projectId: string; metrics: UsageSummaryMetric[] }[];
  totals: { metricName: string; unit: string; total: number }[];
};

/** The last full calendar month before `today` (UTC days). */
export function previousMonth(today: string): ReportRange {
  const end = addDays(`${today.slice(0, 7)}-01`, -1);
  return { start: `${end.slice(0, 7)}-01`, end };
}

/**
 * The provider page's Usage tab: every installation the actor may read, with each metric's total for
 * last month and the capacity in force at its end. The report itself checks the reading permission.
 */
export async function providerUsageSummary(
  ctx: ServiceContext,
  providerId: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<ProviderUsageSummary> {
  const month = previousMonth(today);
  const { reports, aggregated } = await globalProviderReport(ctx, providerId, month);
  return {
    month,
    installations: reports[0].installations.map(({ installation, metrics }) => ({
      id: installation.id,
      installation: installation.installation,
      projectId: installation.projectId,
      metrics: metrics.map((m) => ({
        metricName: m.metric.metricName,
        unit: m.metric.unitType,
        total: m.total,
        capacity: m.periods[m.periods.length - 1]?.capacity ?? null,
      })),
    })),
    totals: aggregated.map((a) => ({ metricName: a.metric.metricName, unit: a.metric.unitType, total: a.total })),
  };
}
