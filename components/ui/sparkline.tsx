/** A small server-rendered line of daily values; the text alternative says what it shows. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const w = 120;
  const h = 28;
  const max = Math.max(0, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values.map(
    (v, k) => `${(k * step).toFixed(1)},${(h - 2 - (max ? (v / max) * (h - 4) : 0)).toFixed(1)}`,
  );
  return (
    <svg role="img" aria-label={label} width={w} height={h} viewBox={`0 0 ${w} ${h}`} className="text-blue-600">
      {values.length > 1 ? (
        <polyline points={points.join(" ")} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ) : (
        <circle cx={w / 2} cy={h / 2} r="2" fill="currentColor" />
      )}
    </svg>
  );
}
