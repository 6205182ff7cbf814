import { isIP } from "node:net";
import { z } from "zod";

export const REGISTRATION_TTL_MS = () => Number(process.env.PORTICO_REGISTRATION_TTL_HOURS || 24 * 7) * 3_600_000;
export const ACCESS_TOKEN_TTL_SECONDS = () => Number(process.env.PORTICO_ACCESS_TOKEN_TTL_SECONDS || 600);
export const WELCOME_MAX_ATTEMPTS = () => Number(process.env.PORTICO_WELCOME_MAX_ATTEMPTS || 8);
export const WELCOME_BACKOFF_BASE_MS = () => Number(process.env.PORTICO_WELCOME_BACKOFF_MS || 30_000);

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A DNS hostname or an IPv4/IPv6 literal — never a URL. */
export function isValidDomain(value: string): boolean {
  if (isIP(value.replace(/^\[(.*)\]$/, "$1"))) return true;
  if (value.length > 253 || /^\d+(\.\d+)*$/.test(value)) return false;
  return value.split(".").every((l) => HOST_LABEL.test(l));
}

export const specIdSchema = z
  .string({ error: "Enter the provider id." })
  .min(1, "Enter the provider id.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/, "Use lower-case letters, digits, '-' and '_' only (a slug, no spaces).");

export const domainSchema = z
  .string({ error: "Enter the host name or IP address of the integration module." })
  .min(1, "Enter the host name or IP address of the integration module.")
  .refine(isValidDomain, "Enter a host name (provider.example.com) or an IP address, not a URL.")
  .transform((d) => d.toLowerCase());

export const portSchema = z
  .number({ error: "The port must be a number or null." })
  .int("The port must be a whole number.")
  .min(1, "The port must be between 1 and 65535.")
  .max(65535, "The port must be between 1 and 65535.")
  .nullable();

export const productReference = z
  .object({ id: z.string().max(200), category: z.string().max(200), provider: z.string().max(200) })
  .strict();

/** UCloud `ProviderSpecification`. */
export const providerSpecification = z
  .object({
    id: specIdSchema,
    domain: domainSchema,
    https: z.boolean({ error: "https must be true or false." }),
    port: portSchema.optional().transform((p) => p ?? null),
    product: productReference.optional().transform((p) => p ?? { id: "", category: "", provider: "ucloud_core" }),
  })
  .strict();
export type ProviderSpecification = z.infer<typeof providerSpecification>;

export const registrationTokenSchema = z
  .string({ error: "The token is required." })
  .min(1, "The token is required.")
  .max(200, "Unknown token.");

export const requestApprovalInput = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("information"), specification: providerSpecification }).strict(),
    z.object({ type: z.literal("sign"), token: registrationTokenSchema }).strict(),
  ],
  { error: "type must be 'information' or 'sign'." },
);
export type RequestApprovalInput = z.infer<typeof requestApprovalInput>;

export const requiresSignatureOutput = z.object({ type: z.literal("requires_signature"), token: z.string() });
export const approveInput = z.object({ token: registrationTokenSchema }).strict();
export const rejectInput = z
  .object({
    token: registrationTokenSchema,
    reason: z
      .string({ error: "Give a reason." })
      .trim()
      .min(1, "Give a reason the provider will see.")
      .max(1000, "Keep the reason under 1000 characters."),
  })
  .strict();

/** Organisation details and endpoint collected by the onboarding wizard. */
export const organisationDetails = z
  .object({
    id: specIdSchema,
    name: z.string().trim().min(1, "Enter the organisation's name.").max(200, "Use at most 200 characters."),
    website: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL." })]).default(""),
    abbreviation: z.string().trim().max(20, "Use at most 20 characters.").default(""),
    logo: z
      .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL to the logo." })])
      .default(""),
  })
  .strict();
export const integrationEndpoint = z.object({ domain: domainSchema, https: z.boolean(), port: portSchema }).strict();
export const onboardingSubmission = organisationDetails.extend(integrationEndpoint.shape).strict();
export type OnboardingSubmission = z.infer<typeof onboardingSubmission>;

export const REGISTRATION_STATES = ["pending", "signed", "approved", "rejected", "expired"] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const registrationOutput = z.object({
  id: z.uuid(),
  specId: z.string(),
  name: z.string(),
  domain: z.string(),
  https: z.boolean(),
  port: z.number().nullable(),
  origin: z.enum(["integration_module", "wizard"]),
  state: z.enum(REGISTRATION_STATES),
  requestedBy: z.string().nullable(),
  requesterIp: z.string(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  providerId: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type RegistrationOutput = z.infer<typeof registrationOutput>;

export const listRegistrationsQuery = z.object({
  state: z.enum(REGISTRATION_STATES, { error: `state must be one of ${REGISTRATION_STATES.join(", ")}.` }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(25),
});
