export const GROUPS = ["day", "week", "month", "quarter", "year"] as const;
export type Group = (typeof GROUPS)[number];
export type ReportOptions = { provider: string; project: string; start: string; end: string; group: Group };

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export const PRESETS: { id: string; label: string; range: () => { start: string; end: string }; group: Group }[] = [
  { id: "30d", label: "Last 30 days", range: () => ({ start: daysAgo(29), end: today() }), group: "day" },
  { id: "90d", label: "Last 90 days", range: () => ({ start: daysAgo(89), end: today() }), group: "week" },
  { id: "12m", label: "Last 12 months", range: () => ({ start: daysAgo(364), end: today() }), group: "month" },
  {
    id: "ytd",
    label: "This year",
    range: () => ({ start: `${today().slice(0, 4)}-01-01`, end: today() }),
    group: "month",
  },
];

/** Which step's input is missing or wrong, with messages per field. */
export function validateOptions(o: ReportOptions, step: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step >= 0 && !o.provider) errors.provider = "Choose a provider.";
  if (step >= 1) {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (!day.test(o.start)) errors.start = "Give a start date.";
    if (!day.test(o.end)) errors.end = "Give an end date.";
    if (!errors.start && !errors.end && o.start > o.end) errors.end = "The end must not be before the start.";
  }
  if (step >= 2 && !GROUPS.includes(o.group)) errors.group = "Choose a grouping.";
  return errors;
}
