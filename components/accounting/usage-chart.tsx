"use client";
import { useState } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { niceScale } from "@/lib/charts/nice-scale";
import {
  COLORS,
  ChartTooltip,
  HatchPatterns,
  SeriesToggles,
  USED_COLOR,
  hatchId,
  type ChartBucket,
  type ChartInstallation,
  type ChartRow,
} from "./chart-parts";

export type { ChartBucket, ChartInstallation } from "./chart-parts";

const AXIS = { fontSize: 12, fill: "currentColor" };
const compact = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** An x tick that says "so far" under a period that is not over (or is cut by the range). */
function PeriodTick({
  x,
  y,
  payload,
  rows,
}: {
  x?: number;
  y?: number;
  payload?: { value: string; index: number };
  rows: ChartRow[];
}) {
  const partial = rows[payload?.index ?? -1]?.partial;
  return (
    <text x={x} y={y} dy={12} textAnchor="middle" fontSize={12} fill="currentColor">
      {payload?.value}
      {partial && (
        <tspan x={x} dy={13} fontStyle="italic" fillOpacity={0.7}>
          so far
        </tspan>
      )}
    </text>
  );
}

/**
 * Two panels over the same periods. Above: usage per period, stacked per installation. Below: a
 * capacity is a budget for its capacity period (ARGO), so it is drawn against the usage of that
 * period so far, never against one day's or one month's bar. Periods not over are hatched.
 */
export function UsageChart({
  buckets,
  installations,
  unit,
  group = "period",
}: {
  buckets: ChartBucket[];
  installations: ChartInstallation[];
  unit: string;
  group?: string;
}) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const rows: ChartRow[] = buckets.map((b) => ({
    label: b.label,
    from: b.from,
    to: b.to,
    partial: b.partial,
    ...Object.fromEntries(installations.map((i) => [i.installation_id, b.values[i.installation_id] ?? 0])),
    total: b.total_value,
    used: b.capacity_used_value,
    capacity: b.capacity_value,
    usage_percentage: b.usage_percentage,
    over:
      b.capacity_value !== null && b.capacity_used_value !== null && b.capacity_used_value > b.capacity_value
        ? b.capacity_used_value
        : null,
  }));
  const hasCapacity = rows.some((r) => r.capacity !== null);
  const usageScale = niceScale(Math.max(0, ...buckets.map((b) => b.total_value)));
  const budgetScale = niceScale(
    Math.max(0, ...buckets.flatMap((b) => [b.capacity_used_value ?? 0, b.capacity_value ?? 0])),
  );
  const series = [
    ...installations.map((i, k) => ({
      key: i.installation_id,
      name: i.installation,
      swatch: { background: COLORS[k % COLORS.length] },
    })),
    ...(hasCapacity
      ? [
          { key: "used", name: "Used in capacity period so far", swatch: { background: USED_COLOR } },
          { key: "capacity", name: "Capacity", swatch: { borderTop: "2px dashed #64748b", height: 0 } },
          {
            key: "over",
            name: "Over capacity",
            swatch: { background: "#dc2626", borderRadius: "9999px", width: "0.625rem" },
          },
        ]
      : []),
  ];
  // A line needs two points: one period draws its capacity across the plot instead.
  const onlyCapacity = rows.length === 1 && rows[0].capacity !== null ? Number(rows[0].capacity) : null;
  const toggle = (key: string) =>
    setHidden((h) => (h.has(key) ? new Set([...h].filter((k) => k !== key)) : new Set([...h, key])));
  const tooltip = <Tooltip content={<ChartTooltip unit={unit} installations={installations} />} />;
  const xAxis = <XAxis dataKey="label" height={36} tick={<PeriodTick rows={rows} />} interval="preserveStartEnd" />;
  const yLabel = { value: unit, angle: -90, position: "insideLeft" as const, fill: "currentColor", fontSize: 12 };
  return (
    <figure aria-label={`Usage chart in ${unit}`} data-testid="usage-chart">
      <HatchPatterns />
      <p className="text-sm font-medium">Usage per {group}</p>
      <div className="h-64 w-full" data-testid="usage-bars">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 8, left: 8 }} syncId="usage">
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            {xAxis}
            <YAxis
              tick={AXIS}
              ticks={usageScale.ticks}
              domain={[0, usageScale.max]}
              tickFormatter={compact}
              width={72}
              label={yLabel}
            />
            {tooltip}
            {installations.map((i, k) => {
              const color = COLORS[k % COLORS.length];
              return (
                <Bar
                  key={i.installation_id}
                  dataKey={i.installation_id}
                  name={i.installation}
                  stackId="usage"
                  fill={color}
                  hide={hidden.has(i.installation_id)}
                  isAnimationActive={false}
                >
                  {rows.map((r) => (
                    <Cell key={String(r.label)} fill={r.partial ? `url(#${hatchId(color)})` : color} />
                  ))}
                </Bar>
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {hasCapacity && (
        <>
          <p className="mt-4 text-sm font-medium">Capacity period so far: usage against the period&apos;s capacity</p>
          <div className="h-48 w-full" data-testid="capacity-to-date">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart
                data={rows}
                margin={{ top: 10, right: 16, bottom: 8, left: 8 }}
                syncId="usage"
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
                {xAxis}
                <YAxis
                  tick={AXIS}
                  ticks={budgetScale.ticks}
                  domain={[0, budgetScale.max]}
                  tickFormatter={compact}
                  width={72}
                  label={yLabel}
                />
                {tooltip}
                <Bar
                  dataKey="used"
                  name="Used in capacity period so far"
                  fill={USED_COLOR}
                  hide={hidden.has("used")}
                  isAnimationActive={false}
                >
                  {rows.map((r) => (
                    <Cell key={String(r.label)} fill={r.partial ? `url(#${hatchId(USED_COLOR)})` : USED_COLOR} />
                  ))}
                </Bar>
                <Line
                  dataKey="capacity"
                  name="Capacity"
                  type="stepAfter"
                  stroke="#64748b"
                  strokeWidth={2}
                  strokeDasharray="6 4"
                  dot={false}
                  connectNulls
                  hide={hidden.has("capacity")}
                  isAnimationActive={false}
                />
                {onlyCapacity !== null && !hidden.has("capacity") && (
                  <ReferenceLine
                    y={onlyCapacity}
                    stroke="#64748b"
                    strokeWidth={2}
                    strokeDasharray="6 4"
                    ifOverflow="extendDomain"
                  />
                )}
                <Line
                  dataKey="over"
                  name="Over capacity"
                  stroke="#dc2626"
                  strokeWidth={0}
                  dot={{ r: 5, fill: "#dc2626", stroke: "#dc2626" }}
                  activeDot={false}
                  hide={hidden.has("over")}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
      <SeriesToggles series={series} hidden={hidden} toggle={toggle} />
      <figcaption className="mt-1 text-xs text-slate-500">
        Press a series button to hide or show it. Hatched bars are periods not over yet (or cut by the chosen range):
        usage so far.
        {hasCapacity &&
          ` A capacity is a budget for its capacity period (from the day it is registered until the next one), not per ${group}: the lower panel adds up each period's usage so far (from the range start at the earliest, as the report does) and draws the capacity as a dashed line; red dots mark periods past their capacity. Installations without a capacity count on neither side.`}
      </figcaption>
    </figure>
  );
}
