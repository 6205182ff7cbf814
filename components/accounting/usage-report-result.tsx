"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { SelectField } from "@/components/ui/field";
import { UsageChart, type ChartBucket, type ChartInstallation } from "./usage-chart";

type Series = { metric_definition_id: string; metric_name: string; unit_type: string; buckets: ChartBucket[] };
export type SeriesResponse = { provider_id: string; group: string; start: string; end: string; installations: ChartInstallation[]; series: Series[] };

const num = (v: number | null) => (v === null ? "" : v.toLocaleString("en-US", { maximumFractionDigits: 2 }));

/** The chart, the numbers behind it in a table, and CSV/JSON exports of exactly those numbers. */
export function UsageReportResult({ data, filename }: { data: SeriesResponse; filename: string }) {
  const [metricId, setMetricId] = useState(data.series[0]?.metric_definition_id ?? "");
  const series = data.series.find((s) => s.metric_definition_id === metricId) ?? data.series[0];
  if (!series) return <EmptyState title="No usage in this range">No installation of this provider reported usage between {data.start} and {data.end}. Try a wider range or another project.</EmptyState>;
  const installations = data.installations.filter((i) => series.buckets.some((b) => i.installation_id in b.values));
  const rows = series.buckets.map((b) => ({
    period: b.label,
    from: b.from,
    to: b.to,
    ...Object.fromEntries(installations.map((i) => [i.installation, b.values[i.installation_id] ?? 0])),
    total: b.total_value,
    capacity: b.capacity_value,
    usage_percentage: b.usage_percentage,
    over_capacity: b.capacity_value !== null && b.total_value > b.capacity_value,
  }));
  const columns = ["period", "from", "to", ...installations.map((i) => i.installation), "total", "capacity", "usage_percentage", "over_capacity"];
  const downloadJson = () => {
    const body = JSON.stringify({ provider_id: data.provider_id, group: data.group, start: data.start, end: data.end, metric: { metric_definition_id: series.metric_definition_id, metric_name: series.metric_name, unit_type: series.unit_type }, rows }, null, 2);
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
            <SelectField label="Metric" name="metric" value={series.metric_definition_id} onChange={(e) => setMetricId(e.target.value)}>
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
      <UsageChart buckets={series.buckets} installations={installations} unit={series.unit_type} />
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="usage-table">
          <caption className="sr-only">Usage per period and installation in {series.unit_type}</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4">Period</th>
              {installations.map((i) => (
                <th key={i.installation_id} scope="col" className="py-2 pr-4 text-right">
                  {i.installation}
                </th>
              ))}
              <th scope="col" className="py-2 pr-4 text-right">Total</th>
              <th scope="col" className="py-2 pr-4 text-right">Capacity</th>
              <th scope="col" className="py-2 text-right">Usage %</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.map((r) => (
              <tr key={r.period} data-testid="usage-row" className={r.over_capacity ? "bg-red-50 dark:bg-red-950/40" : ""}>
                <th scope="row" className="py-2 pr-4 font-medium" title={`${r.from} – ${r.to}`}>
                  {r.period}
                </th>
                {installations.map((i) => (
                  <td key={i.installation_id} className="py-2 pr-4 text-right tabular-nums">
                    {num((r as Record<string, unknown>)[i.installation] as number)}
                  </td>
                ))}
                <td className="py-2 pr-4 text-right font-medium tabular-nums">{num(r.total)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{r.capacity === null ? "—" : num(r.capacity)}</td>
                <td className={`py-2 text-right tabular-nums ${r.over_capacity ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>
                  {r.usage_percentage === null ? "—" : `${num(r.usage_percentage)} %`}
                  {r.over_capacity && <span className="ml-1">▲ over</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
