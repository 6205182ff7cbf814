"use client";
import { useState, type CSSProperties } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartBucket = {
  label: string;
  from: string;
  to: string;
  values: Record<string, number>;
  total_value: number;
  capacity_value: number | null;
  usage_percentage: number | null;
};
export type ChartInstallation = { installation_id: string; installation: string; project: string };

const COLORS = [
  "#2563eb",
  "#16a34a",
  "#d97706",
  "#9333ea",
  "#0891b2",
  "#db2777",
  "#65a30d",
  "#dc2626",
  "#4f46e5",
  "#0d9488",
];
const num = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: digits });

type Row = Record<string, number | string | null>;

function ChartTooltip({
  active,
  payload,
  label,
  unit,
  installations,
}: {
  active?: boolean;
  payload?: { payload: Row }[];
  label?: string;
  unit: string;
  installations: ChartInstallation[];
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload;
  const over = row.capacity !== null && Number(row.total) > Number(row.capacity);
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 font-semibold">
        {label}{" "}
        <span className="font-normal text-slate-500">
          ({String(row.from)} – {String(row.to)})
        </span>
      </p>
      {installations.map((i) => (
        <p key={i.installation_id}>
          {i.installation}: {num(row[i.installation_id] as number | null)} {unit}
        </p>
      ))}
      <p className="mt-1 font-medium">
        Total: {num(row.total as number)} {unit}
      </p>
      <p>Capacity: {row.capacity === null ? "none" : `${num(row.capacity as number)} ${unit}`}</p>
      <p className={over ? "font-semibold text-red-600 dark:text-red-400" : ""}>
        Usage: {row.usage_percentage === null ? "—" : `${num(row.usage_percentage as number)} %`}
        {over ? " — over capacity" : ""}
      </p>
    </div>
  );
}

/** The legend as toggle buttons, so a series is hidden or shown with the keyboard as well as the mouse. */
function SeriesToggles({
  series,
  hidden,
  toggle,
}: {
  series: { key: string; name: string; swatch: CSSProperties }[];
  hidden: Set<string>;
  toggle: (key: string) => void;
}) {
  return (
    <ul aria-label="Series" className="mt-2 flex flex-wrap justify-center gap-2 text-xs">
      {series.map((s) => (
        <li key={s.key}>
          <button
            type="button"
            aria-pressed={!hidden.has(s.key)}
            onClick={() => toggle(s.key)}
            className="flex items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 aria-[pressed=false]:text-slate-500 aria-[pressed=false]:line-through dark:border-slate-600"
          >
            <span aria-hidden className="inline-block h-2.5 w-3" style={s.swatch} />
            {s.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Stacked usage per installation, the capacity as a dashed line, over-capacity buckets marked in red; legend entries toggle series. */
export function UsageChart({
  buckets,
  installations,
  unit,
}: {
  buckets: ChartBucket[];
  installations: ChartInstallation[];
  unit: string;
}) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const data: Row[] = buckets.map((b) => ({
    label: b.label,
    from: b.from,
    to: b.to,
    ...Object.fromEntries(installations.map((i) => [i.installation_id, b.values[i.installation_id] ?? 0])),
    total: b.total_value,
    capacity: b.capacity_value,
    usage_percentage: b.usage_percentage,
    over: b.capacity_value !== null && b.total_value > b.capacity_value ? b.total_value : null,
  }));
  const series = [
    ...installations.map((i, k) => ({
      key: i.installation_id,
      name: i.installation,
      swatch: { background: COLORS[k % COLORS.length] },
    })),
    { key: "capacity", name: "Capacity", swatch: { borderTop: "2px dashed #64748b", height: 0 } },
    {
      key: "over",
      name: "Over capacity",
      swatch: { background: "#dc2626", borderRadius: "9999px", width: "0.625rem" },
    },
  ];
  // A line needs two points: a report of one period (a provider's first month) draws its capacity across the plot instead.
  const onlyCapacity = data.length === 1 && data[0].capacity !== null ? Number(data[0].capacity) : null;
  const toggle = (key: string) =>
    setHidden((h) => (h.has(key) ? new Set([...h].filter((k) => k !== key)) : new Set([...h, key])));
  return (
    <figure aria-label={`Usage chart in ${unit}`} data-testid="usage-chart">
      <div className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "currentColor" }} />
            <YAxis
              tick={{ fontSize: 12, fill: "currentColor" }}
              label={{ value: unit, angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }}
            />
            <Tooltip content={<ChartTooltip unit={unit} installations={installations} />} />
            {installations.map((i, k) => (
              <Bar
                key={i.installation_id}
                dataKey={i.installation_id}
                name={i.installation}
                stackId="usage"
                fill={COLORS[k % COLORS.length]}
                hide={hidden.has(i.installation_id)}
                isAnimationActive={false}
              />
            ))}
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
      <SeriesToggles series={series} hidden={hidden} toggle={toggle} />
      <figcaption className="mt-1 text-xs text-slate-500">
        Press a series button to hide or show it. The dashed line is the capacity in force at the end of each period;
        red dots mark periods over capacity.
      </figcaption>
    </figure>
  );
}
