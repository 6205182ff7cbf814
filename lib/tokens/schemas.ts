import { z } from "zod";

export const createApiTokenInput = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  /** Lifetime in days; null means it never expires. */
  expiresInDays: z.number().int().min(1, "At least 1 day.").max(3650, "At most 3650 days.").nullable().default(90),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

export const apiTokenOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the token, to recognise it"),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type ApiTokenOutput = z.infer<typeof apiTokenOutput>;

export const createdApiTokenOutput = apiTokenOutput.extend({
  token: z.string().describe("The secret; shown only in this response"),
});
