import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { approveInput, rejectInput, requestApprovalInput, requiresSignatureOutput } from "@/lib/registration/schemas";
import { ucloudDialect } from "./errors";
import { ucloudProvider } from "./providers";

const dialect = ucloudDialect;
const tags = ["UCloud providers"];
const flag = z.enum(["true", "false"], { error: "Use true or false." }).transform((v) => v === "true");
const nullableText = z.string().max(500).optional();

/** UCloud `ProviderIncludeFlags`, sent as query parameters (seed 000 curl). */
const includeFlags = {
  includeOthers: flag.optional(),
  includeUpdates: flag.optional(),
  includeSupport: flag.optional(),
  includeProduct: flag.optional(),
  filterCreatedBy: nullableText,
  filterCreatedAfter: z.coerce.number().int().optional(),
  filterCreatedBefore: z.coerce.number().int().optional(),
  filterProvider: nullableText,
  filterProductId: nullableText,
  filterProductCategory: nullableText,
  filterProviderIds: nullableText,
  filterIds: nullableText,
  filterName: nullableText,
  hideProductId: nullableText,
  hideProductCategory: nullableText,
  hideProvider: nullableText,
};

/** One budget per client address for every way of trading a refresh token (a bulk item counts as one try). */
export const refreshRateLimit = {
  name: "auth-refresh",
  limit: Number(process.env.PORTICO_REFRESH_LIMIT_PER_IP || 120),
  windowSeconds: 60,
};

export const requestApprovalOperation = defineOperation({
  method: "POST",
  path: "/api/providers/requestApproval",
  dialect,
  summary: "Ask to register a provider (information → token) or sign a request as its sysadmin",
  tags,
  auth: "optional",
  body: requestApprovalInput,
  response: requiresSignatureOutput,
  rateLimit: {
    name: "provider-request-approval",
    limit: Number(process.env.PORTICO_REGISTRATION_LIMIT_PER_IP || 30),
    windowSeconds: 60,
  },
});

export const approveProviderOperation = defineOperation({
  method: "POST",
  path: "/api/providers/approve",
  dialect,
  summary: "Approve a signed registration (admin); the welcome is delivered to the integration module",
  tags,
  auth: "required",
  body: approveInput,
  response: z.object({ id: z.string() }),
});

export const rejectProviderOperation = defineOperation({
  method: "POST",
  path: "/api/providers/reject",
  dialect,
  summary: "Reject a registration with a reason the provider sees (admin)",
  tags,
  auth: "required",
  body: rejectInput,
  response: z.object({}),
});

export const retrieveProviderOperation = defineOperation({
  method: "GET",
  path: "/api/providers/retrieve",
  dialect,
  summary: "Read a registered provider with its refresh token and public key (owner or admin)",
  tags,
  auth: "required",
  query: z.object({ id: z.string({ error: "id is required." }).min(1, "id is required.").max(100), ...includeFlags }),
  response: ucloudProvider,
});

export const browseProvidersOperation = defineOperation({
  method: "GET",
  path: "/api/providers/browse",
  dialect,
  summary: "Page through your registered providers (admin: all)",
  tags,
  auth: "required",
  query: z.object({
    itemsPerPage: z.coerce
      .number({ error: "itemsPerPage must be a number." })
      .int()
      .min(1, "itemsPerPage must be between 1 and 250.")
      .max(250, "itemsPerPage must be between 1 and 250.")
      .default(50),
    next: z
      .string()
      .regex(/^\d{1,15}$/, "Unknown next token.")
      .optional(),
    consistency: z.enum(["PREFER", "REQUIRE"]).optional(),
    itemsToSkip: z.coerce.number().int().min(0).optional(),
    ...includeFlags,
  }),
  response: z.object({ itemsPerPage: z.number(), items: z.array(ucloudProvider), next: z.string().nullable() }),
});

export const renewProviderTokenOperation = defineOperation({
  method: "POST",
  path: "/api/providers/renewToken",
  dialect,
  summary: "Rotate providers' refresh tokens (owner or admin); the old ones stop working at once",
  tags,
  auth: "required",
  body: z
    .object({
      items: z
        .array(z.object({ id: z.string().min(1).max(100) }).strict())
        .min(1, "Give at least one provider.")
        .max(50),
    })
    .strict(),
  response: z.object({ responses: z.array(z.object({ id: z.string(), refreshToken: z.string() })) }),
});

export const refreshAccessTokenOperation = defineOperation({
  method: "POST",
  path: "/auth/refresh",
  dialect,
  summary: "Exchange a provider refresh token (Authorization: Bearer) for a short-lived access token",
  tags: ["UCloud auth"],
  auth: "none",
  response: z.object({ accessToken: z.string() }),
  rateLimit: refreshRateLimit,
});

// UCloud's BulkRequest: `{items: [...]}`, answered by a BulkResponse `{responses: [...]}` in the same order.
const bulk = <T extends z.ZodType>(item: T) =>
  z
    .object({
      items: z.array(item).min(1, "Give at least one item.").max(50, "Give at most 50 items."),
    })
    .strict();

export const refreshProvidersOperation = defineOperation({
  method: "POST",
  path: "/auth/providers/refresh",
  dialect,
  summary: "AuthProviders.refresh: trade provider refresh tokens for short-lived access tokens (public)",
  tags: ["UCloud auth"],
  auth: "none",
  body: bulk(z.object({ refreshToken: z.string().min(1, "refreshToken is required.").max(200) }).strict()),
  response: z.object({ responses: z.array(z.object({ accessToken: z.string() })) }),
  rateLimit: refreshRateLimit,
});

export const renewProvidersOperation = defineOperation({
  method: "POST",
  path: "/auth/providers/renew",
  dialect,
  summary: "AuthProviders.renew: new refresh tokens for providers (admin); the old ones stop working at once",
  tags: ["UCloud auth"],
  auth: "required",
  body: bulk(z.object({ id: z.string().min(1, "id is required.").max(100) }).strict()),
  response: z.object({
    responses: z.array(z.object({ providerId: z.string(), publicKey: z.string(), refreshToken: z.string() })),
  }),
});

export const ucloudOperations = [
  requestApprovalOperation,
  approveProviderOperation,
  rejectProviderOperation,
  retrieveProviderOperation,
  browseProvidersOperation,
  renewProviderTokenOperation,
  refreshAccessTokenOperation,
  refreshProvidersOperation,
  renewProvidersOperation,
];
