"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { DataTable, formatNumber } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { UsageChart, type ChartBucket, type ChartInstallation } from "./usage-chart";

type Series = { metric_definition_id: string; metric_name: string; unit_type: string; buckets: ChartBucket[] };
export type SeriesResponse = {
  provider_id: string;
  group: string;
  start: string;
  end: string;
  installations: ChartInstallation[];
  series: Series[];
};

const NUMBER = { maximumFractionDigits: 2 };

/** The chart, the numbers behind it in a table, and CSV/JSON exports of exactly those numbers. */
export function UsageReportResult({ data, filename }: { data: SeriesResponse; filename: string }) {
  const [metricId, setMetricId] = useState(data.series[0]?.metric_definition_id ?? "");
  const series = data.series.find((s) => s.metric_definition_id === metricId) ?? data.series[0];
  if (!series)
    return (
      <EmptyState title="No usage in this range">
        No installation of this provider reported usage between {data.start} and {data.end}. Try a wider range or
        another project.
      </EmptyState>
    );
  const installations = data.installations.filter((i) => series.buckets.some((b) => i.installation_id in b.values));
  const rows = series.buckets.map((b) => ({
    period: b.label,
    from: b.from,
    to: b.to,
    partial: b.partial,
    ...Object.fromEntries(installations.map((i) => [i.installation, b.values[i.installation_id] ?? 0])),
    total: b.total_value,
    capacity_used: b.capacity_used_value,
    capacity: b.capacity_value,
    usage_percentage: b.usage_percentage,
    over_capacity:
      b.capacity_value !== null && b.capacity_used_value !== null && b.capacity_used_value > b.capacity_value,
  }));
  const columns = [
    "period",
    "from",
    "to",
    "partial",
    ...installations.map((i) => i.installation),
    "total",
    "capacity_used",
    "capacity",
    "usage_percentage",
    "over_capacity",
  ];
  const downloadJson = () => {
    const body = JSON.stringify(
      {
        provider_id: data.provider_id,
        group: data.group,
        start: data.start,
        end: data.end,
        metric: {
          metric_definition_id: series.metric_definition_id,
          metric_name: series.metric_name,
          unit_type: series.unit_type,
        },
        rows,
      },
      null,
      2,
    );
    const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    Object.assign(document.createElement("a"), { href: url, download: `${filename}.json` }).click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card
      title={`${series.metric_name} (${series.unit_type})`}
      actions={
        <div className="flex flex-wrap items-end gap-2">
          {data.series.length > 1 && (
            <SelectField
              label="Metric"
              name="metric"
              value={series.metric_definition_id}
              onChange={(e) => setMetricId(e.target.value)}
            >
              {data.series.map((s) => (
                <option key={s.metric_definition_id} value={s.metric_definition_id}>
                  {s.metric_name} ({s.unit_type})
                </option>
              ))}
            </SelectField>
          )}
          <CsvButton rows={rows} columns={columns} filename={`${filename}.csv`} />
          <Button type="button" variant="secondary" onClick={downloadJson}>
            Export JSON
          </Button>
        </div>
      }
    >
      <UsageChart buckets={series.buckets} installations={installations} unit={series.unit_type} group={data.group} />
      <DataTable
        className="mt-6"
        caption={`Usage per period and installation in ${series.unit_type}`}
        rows={rows}
        rowKey={(r) => r.period}
        rowProps={(r) => ({
          "data-testid": "usage-row",
          className: r.over_capacity ? "bg-red-50 dark:bg-red-950/40" : "",
        })}
        tableProps={{ "data-testid": "usage-table" }}
        columns={[
          {
            id: "period",
            header: "Period",
            rowHeader: true,
            className: "font-medium",
            title: (r) => `${r.from} – ${r.to}`,
            cell: (r) => (
              <>
                {r.period}
                {r.partial && <span className="ml-1 text-xs font-normal text-slate-500 italic">(so far)</span>}
              </>
            ),
          },
          ...installations.map((i) => ({
            id: i.installation_id,
            header: i.installation,
            numeric: NUMBER,
            cell: (r: (typeof rows)[number]) => (r as Record<string, unknown>)[i.installation] as number,
          })),
          { id: "total", header: "Total", numeric: NUMBER, className: "font-medium", cell: (r) => r.total },
          {
            id: "capacity_used",
            header: "Used in capacity period so far",
            numeric: NUMBER,
            cell: (r) => r.capacity_used,
          },
          { id: "capacity", header: "Capacity for the period", numeric: NUMBER, cell: (r) => r.capacity },
          {
            id: "usage",
            header: "Usage %",
            numeric: NUMBER,
            className: (r) => (r.over_capacity ? "font-semibold text-red-700 dark:text-red-400" : undefined),
            cell: (r) => (
              <>
                {r.usage_percentage === null ? "—" : `${formatNumber(r.usage_percentage, NUMBER)} %`}
                {r.over_capacity && <span className="ml-1">▲ over</span>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
