import { z } from "zod";
import type { FieldErrors } from "@/lib/errors/app-error";
import { offeringTypeSpec, optionsSchema, type OptionSpec } from "./offering-types";
import {
  BILLING_TYPES,
  componentInput,
  LIMIT_PERIODS,
  PLAN_UNITS,
  planInput,
  type CreateOfferingInput,
} from "./schemas";

// The offering wizard's form state (strings as typed), shared by the browser and the server actions.
export type WizardComponent = {
  type: string;
  name: string;
  measured_unit: string;
  billing_type: (typeof BILLING_TYPES)[number];
  limit_period: "" | (typeof LIMIT_PERIODS)[number];
};
export type WizardPlan = {
  name: string;
  description: string;
  unit: (typeof PLAN_UNITS)[number];
  prices: Record<string, string>;
  quotas: Record<string, string>;
};
export type WizardData = {
  /** `provider`: the registered provider (of the chosen organisation) the offering is linked to; "" for none. */
  basics: {
    name: string;
    description: string;
    customer: string;
    provider?: string;
    category: string;
    type: string;
    shared: boolean;
  };
  components: WizardComponent[];
  plans: WizardPlan[];
  plugin_options: Record<string, string | boolean>;
};

/** An organisation the wizard offers, with the registered providers an offering of it may link to. */
export type WizardCustomer = { id: string; name: string; providers: { id: string; name: string }[] };

/** The provider an offering of this organisation links to when the organisation has only one. */
export const onlyProviderOf = (customer: WizardCustomer | undefined) =>
  customer?.providers.length === 1 ? customer.providers[0].id : "";

export const WIZARD_STEPS = ["Basics", "Components", "Plans", "Integration", "Review"] as const;

export const emptyWizard = (): WizardData => ({
  basics: {
    name: "",
    description: "",
    customer: "",
    provider: "",
    category: "",
    type: "Marketplace.Slurm",
    shared: true,
  },
  components: [
    { type: "cpu_hours", name: "CPU hours", measured_unit: "core-hours", billing_type: "usage", limit_period: "" },
  ],
  plans: [{ name: "Default", description: "", unit: "month", prices: {}, quotas: {} }],
  plugin_options: {},
});

const collect = (errors: FieldErrors, prefix: string, r: { success: boolean; error?: z.ZodError }) => {
  if (r.success || !r.error) return;
  for (const i of r.error.issues)
    (errors[[prefix, ...i.path.map(String)].filter(Boolean).join(".")] ??= []).push(i.message);
};

/** Typed option values from form strings: "" drops the key, integers are parsed, booleans kept. */
export function typedOptions(specs: OptionSpec[], raw: Record<string, string | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const v = raw[s.key];
    if (v === undefined || v === "") continue;
    if (s.kind === "boolean") out[s.key] = v === true || v === "true";
    else if (s.kind === "integer") out[s.key] = typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    else out[s.key] = v;
  }
  return out;
}

const basicsSchema = z.object({
  name: z.string().trim().min(1, "Give the offering a name.").max(150, "At most 150 characters."),
  description: z.string().max(4000, "At most 4000 characters."),
  customer: z.string().min(1, "Choose the organisation that offers it."),
  category: z.string().min(1, "Choose a category."),
  type: z.string().refine((t) => !!offeringTypeSpec(t), "Choose an offering type."),
});

/** Field errors of one wizard step (keys like `basics.name`, `components.0.type`, `plans.0.prices.cpu`). */
export function validateWizardStep(step: number, d: WizardData): FieldErrors {
  const errors: FieldErrors = {};
  if (step === 0) collect(errors, "basics", basicsSchema.safeParse(d.basics));
  if (step === 1) {
    d.components.forEach((c, i) => {
      collect(errors, `components.${i}`, componentInput.safeParse({ ...c, limit_period: c.limit_period || null }));
      if (d.components.findIndex((x) => x.type === c.type) !== i)
        (errors[`components.${i}.type`] ??= []).push("Component types must be unique.");
    });
  }
  if (step === 2) {
    if (!d.plans.length) errors.plans = ["Add at least one plan: an offering needs a plan to be activated."];
    d.plans.forEach((p, i) => {
      const prices: Record<string, unknown> = {};
      const quotas: Record<string, unknown> = {};
      for (const c of d.components) {
        if (p.prices[c.type]?.trim()) prices[c.type] = p.prices[c.type].trim();
        if (p.quotas[c.type]?.trim())
          quotas[c.type] = /^\d+$/.test(p.quotas[c.type].trim()) ? Number(p.quotas[c.type]) : p.quotas[c.type];
      }
      collect(errors, `plans.${i}`, planInput.safeParse({ ...p, prices, quotas }));
    });
  }
  if (step === 3) {
    const spec = offeringTypeSpec(d.basics.type);
    if (spec)
      collect(
        errors,
        "plugin_options",
        optionsSchema(spec.pluginOptions).safeParse(typedOptions(spec.pluginOptions, d.plugin_options)),
      );
  }
  return errors;
}

export const validateWizard = (d: WizardData): FieldErrors =>
  Object.assign({}, ...[0, 1, 2, 3].map((s) => validateWizardStep(s, d)));

/** The core's create input from the wizard (customer and category as uuids, provider by id). */
export function wizardToCreateInput(d: WizardData, secrets: Record<string, string>): CreateOfferingInput {
  const spec = offeringTypeSpec(d.basics.type);
  const secretOptions = spec ? typedOptions(spec.secretOptions, secrets) : {};
  return {
    name: d.basics.name,
    description: d.basics.description,
    customer: d.basics.customer,
    category: d.basics.category,
    ...(d.basics.provider ? { provider: d.basics.provider } : {}),
    type: d.basics.type,
    shared: d.basics.shared,
    components: d.components.map((c) => ({ ...c, limit_period: c.limit_period || null })),
    plans: d.plans.map((p) => ({
      name: p.name,
      description: p.description,
      unit: p.unit,
      prices: Object.fromEntries(
        d.components.filter((c) => p.prices[c.type]?.trim()).map((c) => [c.type, p.prices[c.type].trim()]),
      ),
      quotas: Object.fromEntries(
        d.components.filter((c) => p.quotas[c.type]?.trim()).map((c) => [c.type, Number(p.quotas[c.type])]),
      ),
    })),
    plugin_options: spec ? typedOptions(spec.pluginOptions, d.plugin_options) : {},
    ...(Object.keys(secretOptions).length ? { secret_options: secretOptions } : {}),
  };
}

/** Server field errors (wire names) → wizard paths, so they show beside the right field. */
export const wizardErrorPath = (key: string) =>
  ["name", "description", "customer", "provider", "category", "type", "shared"].includes(key) ? `basics.${key}` : key;

/** Which step a wizard error path belongs to. */
export const stepOfError = (path: string) =>
  path.startsWith("basics")
    ? 0
    : path.startsWith("components")
      ? 1
      : path.startsWith("plans")
        ? 2
        : path.startsWith("plugin_options") || path.startsWith("secret_options")
          ? 3
          : 4;
