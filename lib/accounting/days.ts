/** Calendar arithmetic on `yyyy-MM-dd` strings in UTC. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const dayStart = (day: string): string => `${day}T00:00:00Z`;
/** The last second of the day before `exclusiveEnd`: ARGO shows period ends as 23:59:59. */
export const dayEndBefore = (exclusiveEnd: string): string => `${addDays(exclusiveEnd, -1)}T23:59:59Z`;

/** round(total / capacity, 4 decimals, half-up) × 100; null when there is no capacity or it is 0 (SPEC §6). */
export function usagePercentage(total: number, capacity: number | null): number | null {
  if (capacity === null || capacity === 0) return null;
  const scaled = Number(((Math.abs(total) / capacity) * 10_000).toPrecision(12)); // strip binary noise before rounding
  return (Math.sign(total) * Math.floor(scaled + 0.5)) / 100;
}

/** Sums of pro-rata splits carry binary noise (1234.5600000000002); show 12 significant digits. */
export const cleanTotal = (x: number): number => Number(x.toPrecision(12)) + 0;
