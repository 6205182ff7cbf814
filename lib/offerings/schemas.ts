import { z } from "zod";
import { OFFERING_TYPE_NAMES } from "./offering-types";

// Offerings speak Waldur's vocabulary (seed 001) in the core too, so field errors name wire fields.
export const BILLING_TYPES = ["usage", "fixed", "one", "few", "limit"] as const;
export const LIMIT_PERIODS = ["month", "quarterly", "annual", "total"] as const;
export const PLAN_UNITS = ["quantity", "hour", "day", "half_month", "month", "quarter", "year"] as const;
export const OFFERING_STATES = ["Draft", "Active", "Paused", "Archived"] as const;
export type OfferingState = (typeof OFFERING_STATES)[number];

const REQUIRED = "This field is required.";
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => (iss.input === undefined ? REQUIRED : `"${String(iss.input)}" is not a valid choice.`),
  });
const required = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? REQUIRED : "Not a valid string.") })
    .trim()
    .min(1, "This field may not be blank.")
    .max(max, `Ensure this field has no more than ${max} characters.`);
const text = (max: number) =>
  z.string({ error: "Not a valid string." }).max(max, `Ensure this field has no more than ${max} characters.`);
const int = (min = 0) =>
  z
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(min, `Ensure this value is greater than or equal to ${min}.`);
const link = z.union([z.literal(""), z.url({ error: "Enter a valid URL." }).max(500)]);
/** A related object: its Waldur URL (`…/api/customers/<uuid>/`) or its uuid. */
const reference = required(500);
const price = z
  .union([
    z.number({ error: "A valid number is required." }),
    z.string().regex(/^\d{1,12}(\.\d{1,10})?$/, "A valid number is required."),
  ])
  .transform((v) => Number(v))
  .refine((v) => Number.isFinite(v) && v >= 0 && v < 1e12, "Ensure this value is greater than or equal to 0.");

export const componentInput = z.object({
  type: required(50).regex(/^[a-zA-Z0-9_.-]+$/, "Use letters, digits, _ . - only."),
  name: required(150),
  description: text(2000).default(""),
  measured_unit: text(30).default(""),
  billing_type: choice(BILLING_TYPES),
  limit_period: choice(LIMIT_PERIODS).nullable().default(null),
  limit_amount: int().nullable().default(null),
  article_code: text(30).default(""),
  max_value: int().nullable().default(null),
  min_value: int().nullable().default(null),
  max_available_limit: int().nullable().default(null),
  default_limit: int().nullable().default(null),
  is_boolean: z.boolean({ error: "Must be a valid boolean." }).default(false),
  unit_factor: z
    .number({ error: "A valid number is required." })
    .positive("Ensure this value is greater than 0.")
    .default(1),
});
export type ComponentInput = z.output<typeof componentInput>;

export const planInput = z.object({
  /** On update: the plan to keep (its uuid); plans not listed are removed. */
  uuid: z.string().max(40).optional(),
  name: required(150),
  description: text(2000).default(""),
  unit: choice(PLAN_UNITS).default("month"),
  article_code: text(30).default(""),
  max_amount: int(1).nullable().default(null),
  backend_id: text(255).default(""),
  /** Price per component type; missing components cost 0. */
  prices: z.record(z.string(), price).default({}),
  /** Included amount per component type; missing components get 0. */
  quotas: z.record(z.string(), int()).default({}),
});
export type PlanInput = z.output<typeof planInput>;

const optionsBlock = z.object({
  order: z.array(z.string().max(100)).max(100).default([]),
  options: z.record(z.string(), z.unknown()).default({}),
});

const descriptive = {
  description: text(4000),
  full_description: text(20000),
  terms_of_service: text(20000),
  terms_of_service_link: link,
  privacy_policy_link: link,
  access_url: link,
  native_name: text(160),
  native_description: text(4000),
  vendor_details: text(4000),
  getting_started: text(20000),
  integration_guide: text(20000),
  shared: z.boolean({ error: "Must be a valid boolean." }),
  billable: z.boolean({ error: "Must be a valid boolean." }),
  attributes: z.record(z.string(), z.unknown()),
  options: optionsBlock,
  resource_options: optionsBlock,
  backend_id: text(255),
  country: z.union([z.literal(""), z.string().regex(/^[A-Z]{2}$/, "Use a two-letter country code.")]),
  latitude: z.number({ error: "A valid number is required." }).min(-90).max(90).nullable(),
  longitude: z.number({ error: "A valid number is required." }).min(-180).max(180).nullable(),
  /** Portico extension: the registered provider (its public id) this offering belongs to. */
  provider: z.string().max(200).nullable(),
};

function checkStructure(
  v: { components?: ComponentInput[]; plans?: PlanInput[] },
  ctx: z.RefinementCtx,
  knownTypes?: string[],
) {
  const types = v.components ? v.components.map((c) => c.type) : (knownTypes ?? []);
  v.components?.forEach((c, i) => {
    if (types.indexOf(c.type) !== i)
      ctx.addIssue({
        code: "custom",
        path: ["components", i, "type"],
        message: "Component types must be unique within an offering.",
      });
    if (c.min_value !== null && c.max_value !== null && c.min_value > c.max_value)
      ctx.addIssue({ code: "custom", path: ["components", i, "min_value"], message: "Must not exceed max_value." });
  });
  v.plans?.forEach((p, i) => {
    for (const key of ["prices", "quotas"] as const)
      for (const t of Object.keys(p[key]))
        if (!types.includes(t))
          ctx.addIssue({ code: "custom", path: ["plans", i, key, t], message: `Unknown component type "${t}".` });
  });
}

const descriptiveFields = z.object(descriptive).partial();

export const createOfferingInput = descriptiveFields
  .extend({
    name: required(150),
    customer: reference,
    category: reference,
    type: choice(OFFERING_TYPE_NAMES),
    components: z.array(componentInput).max(50, "At most 50 components.").default([]),
    plans: z.array(planInput).max(50, "At most 50 plans.").default([]),
    plugin_options: z.record(z.string(), z.unknown()).optional(),
    secret_options: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((v, ctx) => checkStructure(v, ctx));
export type CreateOfferingInput = z.input<typeof createOfferingInput>;
export type CreateOfferingData = z.output<typeof createOfferingInput>;

/** Partial update; `components`, `plans` and `type` only while the offering is a Draft (checked in the domain). */
export const updateOfferingInput = descriptiveFields.extend({
  name: required(150).optional(),
  category: reference.optional(),
  type: choice(OFFERING_TYPE_NAMES).optional(),
  components: z.array(componentInput).max(50, "At most 50 components.").optional(),
  plans: z.array(planInput).max(50, "At most 50 plans.").optional(),
});
export type UpdateOfferingInput = z.input<typeof updateOfferingInput>;
export type UpdateOfferingData = z.output<typeof updateOfferingInput>;
export { checkStructure };

export const updateIntegrationInput = z.object({
  plugin_options: z.record(z.string(), z.unknown()).optional(),
  /** Merged into what is stored: a key set to null is removed, absent keys are kept. */
  secret_options: z.record(z.string(), z.unknown()).optional(),
  service_attributes: z.record(z.string(), z.unknown()).optional(),
  backend_id: text(255).optional(),
});
export type UpdateIntegrationInput = z.input<typeof updateIntegrationInput>;

export const pauseInput = z.object({ paused_reason: text(2000).default("") });

export const offeringUserInput = z.object({
  role: choice(["OFFERING.MANAGER"] as const),
  user: required(100),
  expiration_time: z.iso.datetime({ offset: true, error: "Datetime has wrong format." }).nullable().optional(),
});
export type OfferingUserInput = z.input<typeof offeringUserInput>;
