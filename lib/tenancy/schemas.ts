import { z } from "zod";
import { canonicalMarginRule, decimalFromJson, MARGIN_RULES, marginValueProblems } from "./margins";

/** What X-Tenant holds; the /v1/ operations declare the header with it, so both say the same when it is missing. */
export const TENANT_HEADER_ABOUT = "the tenant's domain.";

export const TENANT_ROLES = ["csp", "reseller"] as const;
export const PROVIDER_INSTANCE_TYPES = ["microsoft", "portico", "aws", "google", "other"] as const;

const name = (what: string) =>
  z
    .string({ error: `Give the ${what} a name.` })
    .trim()
    .min(1, `Give the ${what} a name.`)
    .max(200, "At most 200 characters.");

export const tenantDomainSchema = z
  .string({ error: "Enter the tenant's domain." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the tenant's domain.")
  .max(253, "At most 253 characters.")
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    "A domain such as contoso.example.com (letters, digits, hyphens and dots).",
  );

export const createTenantInput = z.strictObject({ domain: tenantDomainSchema, name: name("tenant") });
export type CreateTenantInput = z.input<typeof createTenantInput>;

export const addTenantMemberInput = z.strictObject({
  user: z
    .string({ error: "Name the user by id, username or email." })
    .trim()
    .min(1, "Name the user by id, username or email.")
    .max(254),
  role: z.enum(TENANT_ROLES, { error: "One of: csp, reseller." }),
  resellerId: z.uuid("Not a valid id.").nullish(),
});
export type AddTenantMemberInput = z.input<typeof addTenantMemberInput>;

export const createResellerInput = z.strictObject({ name: name("reseller") });
export type CreateResellerInput = z.input<typeof createResellerInput>;

export const createCustomerInput = z.strictObject({
  name: name("customer"),
  email: z.union([z.literal(""), z.email("Enter a valid email address.").max(254)]).default(""),
  country: z
    .union([z.literal(""), z.string().regex(/^[A-Za-z]{2}$/, "A two-letter country code such as DK.")])
    .default("")
    .transform((s) => s.toUpperCase()),
});
export type CreateCustomerInput = z.input<typeof createCustomerInput>;

export const createProviderInstanceInput = z.strictObject({
  name: name("provider instance"),
  type: z.enum(PROVIDER_INSTANCE_TYPES, { error: `One of: ${PROVIDER_INSTANCE_TYPES.join(", ")}.` }),
  providerId: z.string().trim().min(1).max(200).nullish(),
});
export type CreateProviderInstanceInput = z.input<typeof createProviderInstanceInput>;

/** A margin in the core's own form; the dialect maps CloudCockpit's wire forms onto it. */
export const marginInput = z
  .object({
    rule: z.string({ error: `One of: ${MARGIN_RULES.join(", ")}.` }).transform((s, ctx) => {
      const rule = canonicalMarginRule(s);
      if (!rule) ctx.addIssue({ code: "custom", message: `One of: ${MARGIN_RULES.join(", ")}.` });
      return rule ?? "markup";
    }),
    value: z.unknown().transform((v, ctx) => {
      const d = decimalFromJson(v);
      if (d === null) ctx.addIssue({ code: "custom", message: "Must be a number." });
      return d ?? "0";
    }),
  })
  .superRefine((m, ctx) => {
    for (const message of marginValueProblems(m.rule, m.value))
      ctx.addIssue({ code: "custom", message, path: ["value"] });
  });
export type MarginInput = z.input<typeof marginInput>;

const offerTypeName = z.string().trim().min(1, "Name the offer type.").max(100, "At most 100 characters.");

export const customerProviderInstanceInput = z.strictObject({
  providerInstanceId: z.uuid("Not a valid id."),
  /** Text (JSON text for Microsoft instances), an object (kept as its JSON), or null. */
  providerCustomerData: z.union([z.string().max(20_000), z.record(z.string(), z.unknown()), z.null()], {
    error: "A string, an object or null.",
  }),
  margin: marginInput,
  offerTypeMargins: z.record(offerTypeName, marginInput).nullish(),
});
export type CustomerProviderInstanceInput = z.input<typeof customerProviderInstanceInput>;

export const updateMarginsInput = z.strictObject({
  margin: marginInput,
  offerTypeMargins: z.record(offerTypeName, marginInput).nullish(),
});
export type UpdateMarginsInput = z.input<typeof updateMarginsInput>;
