/** Waldur's billing period of a moment: the first day of its month (UTC), as `YYYY-MM-DD`. */
export function billingPeriodOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}-01`;
}

/** The first instant of the month after the billing period `YYYY-MM-01`. */
export function periodEnd(period: string): Date {
  const [y, m] = period.split("-").map(Number);
  return new Date(Date.UTC(y, m, 1));
}
