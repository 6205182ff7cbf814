import { z } from "zod";
import { ORDER_TYPES } from "./lifecycle";

// Orders, resources and usage speak Waldur's vocabulary in the core too (as offerings do), so field errors name
// the wire fields: `offering`, `plan`, `project`, `limits`, `usages.0.amount` …
const REQUIRED = "This field is required.";
const reference = z
  .string({ error: (i) => (i.input === undefined ? REQUIRED : "Not a valid string.") })
  .trim()
  .min(1, "This field may not be blank.")
  .max(500, "Ensure this field has no more than 500 characters.");
const optionalText = (max: number) =>
  z
    .string({ error: "Not a valid string." })
    .max(max, `Ensure this field has no more than ${max} characters.`)
    .nullish();

export const limitsInput = z.record(
  z.string().max(50),
  z
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(0, "Ensure this value is greater than or equal to 0.")
    .max(2 ** 31 - 1, "Ensure this value is less than or equal to 2147483647."),
  { error: "Expected a dictionary of items." },
);

export const placeOrderInput = z.object({
  offering: reference,
  plan: reference.nullish(),
  project: reference,
  limits: limitsInput.default({}),
  attributes: z
    .record(z.string().max(100), z.unknown(), { error: "Expected a dictionary of items." })
    .default({})
    .refine((a) => JSON.stringify(a).length <= 20_000, "Attributes are too large (at most 20,000 characters)."),
  accepting_terms_of_service: z.boolean({ error: "Must be a valid boolean." }).nullish(),
  callback_url: z.url({ error: "Enter a valid URL." }).max(200).nullish(),
  request_comment: optionalText(255),
  type: z.enum(ORDER_TYPES, { error: (i) => `"${String(i.input)}" is not a valid choice.` }).default("Create"),
  start_date: z.iso.date({ error: "Date has wrong format. Use one of these formats instead: YYYY-MM-DD." }).nullish(),
});
export type PlaceOrderInput = z.input<typeof placeOrderInput>;

export const rejectOrderInput = z
  .object({ provider_rejection_comment: optionalText(255) })
  .describe("Optional: why the provider rejects the order (Portico; shown as termination_comment)");
export const erredOrderInput = z.object({
  error_message: z.string({ error: "Not a valid string." }).max(10_000).default(""),
  error_traceback: z.string({ error: "Not a valid string." }).max(100_000).default(""),
});
export const orderBackendIdInput = z.object({
  backend_id: z
    .string({ error: (i) => (i.input === undefined ? REQUIRED : "Not a valid string.") })
    .min(1, "This field may not be blank.")
    .max(255, "Ensure this field has no more than 255 characters."),
});

/** Waldur's `ProjectRequest`, the part Portico keeps: a Waldur project is an ARGO project of a customer. */
export const createProjectInput = z.object({
  name: z
    .string({ error: (i) => (i.input === undefined ? REQUIRED : "Not a valid string.") })
    .trim()
    .min(1, "This field may not be blank.")
    .max(500, "Ensure this field has no more than 500 characters."),
  customer: reference,
  slug: z
    .string({ error: "Not a valid string." })
    .max(50, "Ensure this field has no more than 50 characters.")
    .regex(/^[-a-zA-Z0-9_]+$/, "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.")
    .nullish(),
  description: optionalText(2000),
  start_date: z.iso.date({ error: "Date has wrong format. Use one of these formats instead: YYYY-MM-DD." }).nullish(),
  end_date: z.iso.date({ error: "Date has wrong format. Use one of these formats instead: YYYY-MM-DD." }).nullish(),
});

export const resourceBackendIdInput = z.object({
  backend_id: z
    .string({ error: "Not a valid string." })
    .max(255, "Ensure this field has no more than 255 characters.")
    .default(""),
});
export const resourceLimitsInput = z.object({
  limits: z
    .unknown()
    .refine((v) => v !== undefined, REQUIRED)
    .pipe(limitsInput),
});
export const terminateResourceInput = z.object({
  attributes: z
    .record(z.string().max(100), z.unknown(), { error: "Expected a dictionary of items." })
    .nullish()
    .refine((a) => JSON.stringify(a ?? {}).length <= 20_000, "Attributes are too large (at most 20,000 characters)."),
});

const uuidRef = z
  .string({ error: (i) => (i.input === undefined ? REQUIRED : "Not a valid string.") })
  .max(64)
  .regex(/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/, "Must be a valid UUID.");

/** Waldur's ComponentUsageCreateRequest as the site agent sends it (plus its `date`, the report's moment). */
export const setUsageInput = z.object({
  resource: uuidRef.nullish(),
  plan_period: uuidRef.nullish(),
  date: z.iso.datetime({ offset: true, error: "Datetime has wrong format." }).nullish(),
  usages: z
    .array(
      z.object({
        type: z
          .string({ error: (i) => (i.input === undefined ? REQUIRED : "Not a valid string.") })
          .min(1, "This field may not be blank.")
          .max(50),
        amount: z
          .union([z.string(), z.number()], {
            error: (i) => (i.input === undefined ? REQUIRED : "A valid number is required."),
          })
          .transform((v) => String(v).trim())
          .refine(
            (v) => /^-?\d{0,18}(?:\.\d{0,2})?$/.test(v) && /\d/.test(v),
            "A valid number is required (at most two decimal places).",
          )
          .transform(Number)
          .refine((v) => v >= 0, "Ensure this value is greater than or equal to 0."),
        description: z.string({ error: "Not a valid string." }).max(4096).default(""),
        recurring: z.boolean({ error: "Must be a valid boolean." }).default(false),
      }),
      {
        error: (i) =>
          i.input === undefined ? REQUIRED : 'Expected a list of items but got type "' + typeof i.input + '".',
      },
    )
    .min(1, "This list may not be empty.")
    .max(100),
});
