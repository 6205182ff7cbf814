import { z } from "zod";
import {
  canonicalMarginRule,
  decimalFromJson,
  MARGIN_RULES,
  marginValueProblems,
  type Margin,
} from "@/lib/tenancy/margins";
import { PROVIDER_INSTANCE_TYPES, TENANT_HEADER_ABOUT } from "@/lib/tenancy/schemas";

// CloudCockpit's wire forms (seed 004). Margins arrive as {marginRule:{name, value}} or, as the seed's
// offerTypeMargins show, {Value, MarginRule:{Name}}; property names are matched case-insensitively.

type Ctx = z.RefinementCtx;
const RULES = MARGIN_RULES.join(", ");

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
/** The key the client used for `name` in `obj`, compared case-insensitively. */
const keyOf = (obj: Record<string, unknown>, name: string) =>
  Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());

/** Reads one margin, reporting problems at the property the client sent (or would have sent). */
function readMargin(raw: unknown, ctx: Ctx, path: (string | number)[]): Margin | null {
  if (!isObject(raw)) {
    ctx.addIssue({ code: "custom", message: "Required: an object {marginRule: {name, value}}.", path });
    return null;
  }
  const ruleKey = keyOf(raw, "marginRule");
  const seedForm = ruleKey === "MarginRule";
  const ruleObj = ruleKey ? raw[ruleKey] : undefined;
  if (!isObject(ruleObj)) {
    ctx.addIssue({
      code: "custom",
      message: `Required: an object with the rule's name (${RULES}).`,
      path: [...path, ruleKey ?? "marginRule"],
    });
    return null;
  }
  const nameKey = keyOf(ruleObj, "name");
  const rawName = nameKey ? ruleObj[nameKey] : undefined;
  const rule = typeof rawName === "string" ? canonicalMarginRule(rawName) : null;
  if (!rule)
    ctx.addIssue({
      code: "custom",
      message: rawName === undefined ? `Required: one of ${RULES}.` : `Unknown rule; one of ${RULES}.`,
      path: [...path, ruleKey!, nameKey ?? (seedForm ? "Name" : "name")],
    });
  const innerValueKey = keyOf(ruleObj, "value");
  const outerValueKey = keyOf(raw, "value");
  const valuePath = innerValueKey
    ? [...path, ruleKey!, innerValueKey]
    : outerValueKey
      ? [...path, outerValueKey]
      : seedForm
        ? [...path, "Value"]
        : [...path, ruleKey!, "value"];
  const rawValue = innerValueKey ? ruleObj[innerValueKey] : outerValueKey ? raw[outerValueKey] : undefined;
  const value = decimalFromJson(rawValue);
  if (value === null) {
    ctx.addIssue({
      code: "custom",
      message: rawValue === undefined ? "Required: the margin's value in percent." : "Must be a number.",
      path: valuePath,
    });
    return null;
  }
  if (!rule) return null;
  const problems = marginValueProblems(rule, value);
  for (const message of problems) ctx.addIssue({ code: "custom", message, path: valuePath });
  return problems.length ? null : { rule, value };
}

export const marginWire = z
  .unknown()
  .transform((raw, ctx) => readMargin(raw, ctx, []) ?? { rule: "markup" as const, value: "0" })
  .meta({
    description: "The price margin: {marginRule: {name: markup | margin | erpMinusDiscount, value: percent}}",
    examples: [{ marginRule: { name: "markup", value: 15 } }],
  });

/** `{Value: {<offerType>: margin}}` as the seed writes it, or the dictionary itself; null or absent for none. */
export const offerTypeMarginsWire = z
  .unknown()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined) return null;
    if (!isObject(raw)) {
      ctx.addIssue({ code: "custom", message: "An object {Value: {<offerType>: margin}} or null." });
      return null;
    }
    const wrapKey = keyOf(raw, "value");
    const wrapped = wrapKey !== undefined && Object.keys(raw).length === 1 && isObject(raw[wrapKey]);
    const dict = wrapped ? (raw[wrapKey!] as Record<string, unknown>) : raw;
    const out: Record<string, Margin> = {};
    for (const [offerType, m] of Object.entries(dict)) {
      const path = wrapped ? [wrapKey!, offerType] : [offerType];
      if (!offerType.trim() || offerType.length > 100)
        ctx.addIssue({ code: "custom", message: "An offer type name of 1 to 100 characters.", path });
      const margin = readMargin(m, ctx, path);
      if (margin) out[offerType] = margin;
    }
    return out;
  })
  .meta({
    description: "Per offer type, a margin that overrides the instance margin",
    examples: [{ Value: { license: { Value: 10, MarginRule: { Name: "markup" } } } }],
  });

export const addProviderInstanceWire = z.strictObject({
  providerInstanceId: z.uuid("Not a valid id (a GUID)."),
  providerCustomerData: z
    .union([z.string().max(20_000, "At most 20000 characters."), z.record(z.string(), z.unknown()), z.null()], {
      error: "Required: a string (JSON text for Microsoft instances) or null.",
    })
    .describe(
      "Provider-specific customer data; for a Microsoft instance a JSON object with Domain, CredentialsEmail, AcceptedMCA, AgreementDate, …",
    ),
  margin: marginWire,
  offerTypeMargins: offerTypeMarginsWire.optional(),
});

export const updateMarginsWire = z.strictObject({
  margin: marginWire,
  offerTypeMargins: offerTypeMarginsWire.optional(),
});

export const resellerQuery = z.object({ resellerId: z.uuid("Not a valid id.").optional() });

export const customerParams = z.object({ customerId: z.uuid("Not a valid id.") });
export const customerInstanceParams = z.object({
  customerId: z.uuid("Not a valid id."),
  providerInstanceId: z.uuid("Not a valid id."),
});

export const createCustomerWire = z.strictObject({
  name: z.string({ error: "Required." }).trim().min(1, "Required.").max(200),
  email: z.string().max(254).optional(),
  country: z.string().max(2).optional(),
});
export const createProviderInstanceWire = z.strictObject({
  name: z.string({ error: "Required." }).trim().min(1, "Required.").max(200),
  type: z.enum(PROVIDER_INSTANCE_TYPES, { error: `One of: ${PROVIDER_INSTANCE_TYPES.join(", ")}.` }),
  providerId: z.string().max(200).nullish().describe("For type portico: the id of a provider registered in Portico"),
});
export const createResellerWire = z.strictObject({
  name: z.string({ error: "Required." }).trim().min(1, "Required.").max(200),
});

// Responses
const marginOut = z.object({ marginRule: z.object({ name: z.enum(MARGIN_RULES), value: z.number() }) });
const offerTypeMarginOut = z.object({ Value: z.number(), MarginRule: z.object({ Name: z.enum(MARGIN_RULES) }) });

export const customerOut = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  country: z.string(),
  resellerId: z.uuid().nullable(),
  resellerName: z.string().nullable(),
  createdAt: z.string(),
});
export const providerInstanceOut = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(PROVIDER_INSTANCE_TYPES),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  createdAt: z.string(),
});
export const resellerOut = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string() });
export const customerProviderInstanceOut = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  providerInstanceId: z.uuid(),
  providerInstanceName: z.string(),
  providerInstanceType: z.enum(PROVIDER_INSTANCE_TYPES),
  providerId: z.string().nullable(),
  resellerId: z.uuid().nullable(),
  providerCustomerData: z.string().nullable(),
  margin: marginOut,
  offerTypeMargins: z.object({ Value: z.record(z.string(), offerTypeMarginOut) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const customerInstancePricesOut = z.object({
  customerId: z.uuid(),
  providerInstanceId: z.uuid(),
  currency: z
    .string()
    .describe(
      "ISO 4217; prices are decimal strings rounded half-up to its minor unit (or finer when the base price is)",
    ),
  prices: z.array(
    z.object({
      offeringId: z.string(),
      offeringName: z.string(),
      planId: z.string(),
      planName: z.string(),
      component: z.string().nullable().describe("null for the plan's fixed price"),
      unit: z.string(),
      offerTypes: z.array(z.string()),
      basePrice: z.string(),
      effectivePrice: z.string(),
      margin: marginOut,
      marginSource: z.enum(["offerType", "instance"]),
      offerType: z.string().nullable().describe("The offer type whose override applied"),
    }),
  ),
});

/** Seed 004: "X-Tenant string Required" on every /v1/ call; an unknown domain is tenantAccess's 404, as before. */
export const tenantHeaders = z.object({ "X-Tenant": z.string().describe(TENANT_HEADER_ABOUT) });
