/** Round axis steps: 1, 2, 2.5 or 5 × 10^n, so ticks read 0 / 5,000 / 10,000, never 0 / 7,500 / 15,000 by accident of the data. */
const MULTIPLIERS = [1, 2, 2.5, 5, 10];

/** The smallest round step at least `raw` (1, 2, 2.5, 5 × 10^n). */
export function niceStep(raw: number): number {
  if (!Number.isFinite(raw) || raw <= 0) return 1;
  const base = 10 ** Math.floor(Math.log10(raw));
  const m = MULTIPLIERS.find((s) => raw / base <= s * (1 + 1e-12))!;
  return Number((m * base).toPrecision(12));
}

export type NiceScale = { max: number; step: number; ticks: number[] };

/** An axis from 0 to a round top above `max`, with about `target` round steps. */
export function niceScale(max: number, target = 5): NiceScale {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const step = niceStep(top / target);
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: count + 1 }, (_, k) => Number((k * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1], step, ticks };
}
