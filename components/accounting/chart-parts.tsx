"use client";
import type { CSSProperties } from "react";

export type ChartBucket = {
  label: string;
  from: string;
  to: string;
  partial: boolean;
  values: Record<string, number>;
  total_value: number;
  capacity_value: number | null;
  capacity_used_value: number | null;
  usage_percentage: number | null;
};
export type ChartInstallation = { installation_id: string; installation: string; project: string };
export type ChartRow = Record<string, number | string | boolean | null>;

export const COLORS = [
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
export const USED_COLOR = "#475569";
export const num = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: digits });
export const hatchId = (color: string) => `hatch-${color.slice(1)}`;

/** Diagonal hatching per series colour: the bar of a period not over yet (or cut by the range) is drawn "so far". */
export function HatchPatterns() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {[...COLORS, USED_COLOR].map((c) => (
          <pattern
            key={c}
            id={hatchId(c)}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={c} fillOpacity={0.25} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="3" />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

export function ChartTooltip({
  active,
  payload,
  unit,
  installations,
}: {
  active?: boolean;
  payload?: { payload: ChartRow }[];
  unit: string;
  installations: ChartInstallation[];
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload;
  const over = row.capacity !== null && Number(row.used) > Number(row.capacity);
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 font-semibold">
        {String(row.label)}
        {row.partial ? " (so far)" : ""}{" "}
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
      {row.capacity === null ? (
        <p>Capacity: none</p>
      ) : (
        <>
          <p>
            Used in the capacity period so far: {num(row.used as number)} {unit}
          </p>
          <p>
            Capacity for the period: {num(row.capacity as number)} {unit}
          </p>
          <p className={over ? "font-semibold text-red-600 dark:text-red-400" : ""}>
            Usage: {row.usage_percentage === null ? "—" : `${num(row.usage_percentage as number)} %`}
            {over ? " — over capacity" : ""}
          </p>
        </>
      )}
    </div>
  );
}

/** The legend as toggle buttons, so a series is hidden or shown with the keyboard as well as the mouse. */
export function SeriesToggles({
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
