import { z } from "zod";
import { eventKinds } from "@/lib/notifications/event-kinds";

const kind = z.enum(eventKinds as [string, ...string[]], "Not a known event kind.");

const webhookUrl = z
  .url({ protocol: /^https?$/, error: "Give an http:// or https:// address." })
  .max(2000)
  .refine((u) => !new URL(u).username && !new URL(u).password, "Leave user and password out of the address.");

export const createWebhookInput = z.strictObject({
  url: webhookUrl,
  description: z.string().trim().max(200).default(""),
  kinds: z.array(kind).max(50).default([]).describe("Event kinds to send; empty: every kind"),
});
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

export const updateWebhookInput = z.strictObject({
  url: webhookUrl.optional(),
  description: z.string().trim().max(200).optional(),
  kinds: z.array(kind).max(50).optional(),
  active: z.boolean("Must be true or false.").optional(),
});
export type UpdateWebhookInput = z.input<typeof updateWebhookInput>;

export const webhookOutput = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  url: z.string(),
  description: z.string(),
  kinds: z.array(z.string()),
  active: z.boolean(),
  secretPrefix: z.string().describe("The secret's first characters, to recognise it"),
  createdAt: z.string(),
});
export type WebhookOutput = z.infer<typeof webhookOutput>;

export const createdWebhookOutput = webhookOutput.extend({
  secret: z.string().describe("The signing secret (whsec_…); shown only in this response"),
});

export const webhookDeliveryOutput = z.object({
  id: z.uuid().describe("The webhook-id header: the same on every attempt and redelivery"),
  eventId: z.uuid(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  log: z.array(
    z.object({
      attempt: z.number(),
      startedAt: z.string(),
      durationMs: z.number(),
      httpStatus: z.number().nullable(),
      ok: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
});
export type WebhookDeliveryOutput = z.infer<typeof webhookDeliveryOutput>;

export const listDeliveriesQuery = z.strictObject({
  page: z.coerce.number("Must be a number.").int().min(1).max(10_000).default(1),
  size: z.coerce.number("Must be a number.").int().min(1).max(100).default(20),
});

export const webhookSettingsOutput = z.object({
  allowPrivateTargets: z
    .boolean()
    .describe("Whether webhooks may go to private, loopback and link-local addresses (off: refused, SSRF)"),
});
export const updateWebhookSettingsInput = z.strictObject({
  allowPrivateTargets: z.boolean("Must be true or false."),
});
