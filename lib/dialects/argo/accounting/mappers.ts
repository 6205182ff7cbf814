import type {
  AccountingProjectRow,
  CapacityRow,
  InstallationRow,
  MetricDefinitionRow,
  ProviderRow,
} from "@/drizzle/schema";
import type { CapacityView } from "@/lib/accounting/capacities";
import { dayEndBefore, dayStart } from "@/lib/accounting/days";
import type { InstallationWithUnit } from "@/lib/accounting/installations";
import type { ProviderReport } from "@/lib/accounting/report";
import type { UsageRecordView } from "@/lib/accounting/usage-records";
import type { UsageSeries } from "@/lib/accounting/usage-series";

export const toArgoMetricDefinition = (m: MetricDefinitionRow) => ({
  metric_definition_id: m.id,
  metric_name: m.metricName,
  metric_description: m.metricDescription,
  unit_type: m.unitType,
  metric_type: m.metricType,
  creator_id: m.creatorId,
});

const metricFields = (m: MetricDefinitionRow) => ({
  metric_definition_id: m.id,
  metric_name: m.metricName,
  metric_description: m.metricDescription,
  unit_type: m.unitType,
  metric_type: m.metricType,
});

export const toArgoInstallation = (i: InstallationWithUnit) => ({
  id: i.id,
  project: i.projectId,
  organisation: i.providerId,
  infrastructure: i.infrastructure,
  installation: i.installation,
  resource: i.resource,
  external_id: i.externalId,
  unit_of_access: toArgoMetricDefinition(i.unit),
  creator_id: i.creatorId,
});

export const toArgoProject = (
  p: AccountingProjectRow,
  providers: { provider: ProviderRow | { id: string; name: string }; installations: InstallationWithUnit[] }[],
) => ({
  id: p.id,
  acronym: p.acronym,
  title: p.title,
  start_date: p.startDate,
  end_date: p.endDate,
  call_identifier: p.callIdentifier,
  providers: providers.map(({ provider, installations }) => ({
    id: provider.id,
    name: provider.name,
    installations: installations.map(toArgoInstallation),
  })),
});

export const toArgoMetric = (v: UsageRecordView) => ({
  metric_id: String(v.record.id),
  installation_id: v.installation.id,
  metric_definition_id: v.metric.id,
  time_period_start: v.record.timePeriodStart.toISOString().replace(".000Z", "Z"),
  time_period_end: v.record.timePeriodEnd.toISOString().replace(".000Z", "Z"),
  value: v.record.value,
  user_id: v.record.userId || null,
  group_id: v.record.groupId || null,
  record_id: v.record.clientRecordId,
});

export const toArgoCapacity = (c: CapacityView | (CapacityRow & { metric: MetricDefinitionRow })) => ({
  id: c.id,
  metric_definition_id: c.metric.id,
  value: c.value,
  registered_on: c.registeredOn,
});

const toArgoReportInstallation = (i: InstallationRow) => ({
  installation_id: i.id,
  project: i.projectId,
  provider: i.providerId,
  installation: i.installation,
  infrastructure: i.infrastructure,
  resource: i.resource,
  external_id: i.externalId,
});

const aggregated = (list: ProviderReport["aggregated"]) =>
  list.map((a) => ({ ...metricFields(a.metric), total_value: a.total }));

/** The seed's per-project report body (provider fields, aggregated_metrics, data). */
export function toArgoProviderReport(r: ProviderReport) {
  return {
    provider_id: r.provider.id,
    name: r.provider.name,
    website: r.provider.website,
    abbreviation: r.provider.abbreviation,
    logo: r.provider.logo,
    aggregated_metrics: aggregated(r.aggregated),
    data: r.installations.map((i) => ({
      ...toArgoReportInstallation(i.installation),
      data: i.metrics.map((m) => ({
        ...metricFields(m.metric),
        periods: m.periods.map((p) => ({
          from: dayStart(p.from),
          to: dayEndBefore(p.toExclusive),
          total_value: p.total,
          capacity_value: p.capacity,
          usage_percentage: p.usagePercentage,
        })),
      })),
    })),
  };
}

/** The seed's global report: `reports[]` (with `external_id`) and the summed `aggregated_metrics[]`. */
export function toArgoGlobalReport(
  g: { reports: ProviderReport[]; aggregated: ProviderReport["aggregated"] },
  externalId: string | null = null,
) {
  return {
    reports: g.reports.map((r) => {
      const { provider_id, name, website, abbreviation, logo, aggregated_metrics, data } = toArgoProviderReport(r);
      return { provider_id, name, website, abbreviation, logo, external_id: externalId, aggregated_metrics, data };
    }),
    aggregated_metrics: aggregated(g.aggregated),
  };
}

export function toArgoSeries(s: UsageSeries) {
  return {
    provider_id: s.providerId,
    group: s.group,
    start: s.range.start,
    end: s.range.end,
    installations: s.installations.map(toArgoReportInstallation),
    series: s.series.map((m) => ({
      ...metricFields(m.metric),
      buckets: m.buckets.map((b) => ({
        label: b.label,
        from: b.from,
        to: b.to,
        partial: b.partial,
        values: b.values,
        total_value: b.total,
        capacity_value: b.capacity,
        capacity_used_value: b.capacityUsed,
        usage_percentage: b.usagePercentage,
      })),
    })),
  };
}
