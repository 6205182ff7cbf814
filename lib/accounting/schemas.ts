import { z } from "zod";
import { requiredText } from "@/lib/errors/zod-errors";

const text = (max: number, msg = "Required.") => z.string().trim().min(1, msg).max(max);
const ISO_ZULU = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isoZulu = z
  .string()
  .regex(ISO_ZULU, "Must be an ISO-8601 UTC timestamp like 2024-01-31T12:00:00Z.")
  .refine((s) => !Number.isNaN(Date.parse(s)), "Not a real date and time.");
export const isoDay = z
  .string()
  .regex(DAY, "Must be a date in yyyy-MM-dd format.")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "Not a real date.",
  );

export const METRIC_TYPES = ["aggregated", "count", "max", "min", "average"] as const;

export const metricDefinitionInput = z.strictObject({
  metric_name: requiredText("metric_name", 200),
  metric_description: z.string().trim().max(2000).default(""),
  unit_type: requiredText("unit_type", 100),
  metric_type: requiredText("metric_type", 100),
});
export const metricDefinitionPatch = z.strictObject({
  metric_name: z.string().trim().max(200).nullish(),
  metric_description: z.string().trim().max(2000).nullish(),
  unit_type: z.string().trim().max(100).nullish(),
  metric_type: z.string().trim().max(100).nullish(),
});

const projectId = z
  .string()
  .trim()
  .regex(/^[\w.:-]{1,100}$/, "Letters, digits and . _ : - only (at most 100).");
export const projectInput = z
  .strictObject({
    id: projectId,
    acronym: z.string().trim().max(100).default(""),
    title: z.string().trim().max(1000).default(""),
    start_date: isoDay.nullish(),
    end_date: isoDay.nullish(),
    call_identifier: z.string().trim().max(200).default(""),
  })
  .refine((p) => !p.start_date || !p.end_date || p.start_date <= p.end_date, {
    message: "Must not be before start_date.",
    path: ["end_date"],
  });

export const providersInput = z.strictObject({
  providers: z.array(z.string().trim().min(1).max(100)).min(1, "Name at least one provider.").max(100),
});

export const installationInput = z.strictObject({
  project: projectId,
  organisation: requiredText("organisation", 100),
  infrastructure: requiredText("infrastructure", 200),
  installation: requiredText("installation", 200),
  resource: z.string().trim().max(200).nullish(),
  external_id: z.string().trim().max(200).nullish(),
  unit_of_access: requiredText("unit_of_access", 100),
});
export const installationPatch = z.strictObject({
  infrastructure: z.string().trim().max(200).nullish(),
  installation: z.string().trim().max(200).nullish(),
  resource: z.string().trim().max(200).nullish(),
  external_id: z.string().trim().max(200).nullish(),
  unit_of_access: z.string().trim().max(100).nullish(),
});

/** One usage record, as posted singly or as one row of a bulk upload. */
export const usageRecordInput = z
  .strictObject({
    metric_definition_id: text(100),
    time_period_start: isoZulu,
    time_period_end: isoZulu,
    value: z.number("Must be a number.").finite("Must be a finite number."),
    user_id: z.string().trim().max(200).nullish(),
    group_id: z.string().trim().max(200).nullish(),
    record_id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullish()
      .describe("The client's own id for this record; a repeat is stored once"),
  })
  .refine((r) => Date.parse(r.time_period_end) >= Date.parse(r.time_period_start), {
    message: "Must not be before time_period_start.",
    path: ["time_period_end"],
  });
export type UsageRecordInput = z.infer<typeof usageRecordInput>;

export const usageRecordPatch = z.strictObject({
  time_period_start: isoZulu.nullish(),
  time_period_end: isoZulu.nullish(),
  value: z.number("Must be a number.").finite().nullish(),
  user_id: z.string().trim().max(200).nullish(),
  group_id: z.string().trim().max(200).nullish(),
});

export const capacityInput = z.strictObject({
  metric_definition_id: text(100),
  value: z.number("Must be a number.").finite().min(0, "Must not be negative."),
  registered_on: z
    .union([isoDay, isoZulu])
    .refine(
      (s) => s.length === 10 || /T00:00:00(\.0+)?Z$/.test(s),
      "Capacities take effect at the start of a UTC day: give a date (yyyy-MM-dd) or midnight UTC.",
    )
    .transform((s) => s.slice(0, 10)),
});

export const reportQuery = z
  .object({ start: isoDay, end: isoDay })
  .refine((q) => q.start <= q.end, { message: "Must not be before start.", path: ["end"] });
export type ReportRange = z.infer<typeof reportQuery>;

export const GROUPINGS = ["day", "week", "month", "quarter", "year"] as const;
export type Grouping = (typeof GROUPINGS)[number];
