import { z } from "zod";
import { eventKinds } from "./event-kinds";

export const emailState = z
  .enum(["sent", "pending", "failed", "not_emailed", "off"])
  .describe(
    "sent; pending (queued or retrying); failed (the mail server refused it); not_emailed (no SMTP server is configured); off (the person turned e-mail off for this kind)",
  );

export const notificationOutput = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  kind: z.string().describe("The event's kind, e.g. registration.approved"),
  title: z.string(),
  body: z.string(),
  link: z.string().describe("The portal path of the thing that changed"),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  email: emailState,
});
export type NotificationOutput = z.infer<typeof notificationOutput>;

const flag = z
  .enum(["true", "false", "1", "0"], "Use true or false.")
  .transform((v) => v === "true" || v === "1")
  .optional();

export const listNotificationsQuery = z.strictObject({
  unread: flag.describe("Only unread ones"),
  page: z.coerce.number("Must be a number.").int().min(1).max(10_000).default(1),
  size: z.coerce.number("Must be a number.").int().min(1).max(100).default(20),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const notificationsPage = z.object({
  items: z.array(notificationOutput),
  total: z.number(),
  page: z.number(),
  size: z.number(),
  unread: z.number().describe("How many of the caller's notifications are unread (all pages)"),
});

export const markNotificationInput = z.strictObject({ read: z.boolean("Must be true or false.") });

export const readAllOutput = z.object({ marked: z.number(), unread: z.number() });

const kindEnum = z.enum(eventKinds as [string, ...string[]], "Not a known event kind.");

export const notificationPreferencesOutput = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      audience: z.string().describe("Who hears of this kind"),
      email: z.boolean().describe("Whether you get an e-mail; the inbox always has it"),
    }),
  ),
});

export const updateNotificationPreferencesInput = z.strictObject({
  email: z
    .partialRecord(kindEnum, z.boolean("Must be true or false."))
    .describe("E-mail on (true) or off (false), per kind"),
});
export type UpdateNotificationPreferencesInput = z.infer<typeof updateNotificationPreferencesInput>;
