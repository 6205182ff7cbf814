import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";

export const mailStatus = pgEnum("mail_status", ["pending", "sent", "failed", "kept"]);

/**
 * The durable mail outbox, the same pattern as the welcome outbox: a message is stored in the transaction
 * of the change it tells about and sent afterwards by whichever server process claims it (`FOR UPDATE
 * SKIP LOCKED` plus a lease). `kept`: no SMTP server was configured, so it was never e-mailed. The body
 * is encrypted: sign-up and password-reset mails carry single-use links.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** `{text, html}` as JSON, encrypted. */
    bodyCiphertext: text("body_ciphertext").notNull(),
    /** What the mail is for: `notification`, `signup`, `invitation`, `password-reset`, … */
    purpose: text("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimId: uuid("claim_id"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    correlationId: text("correlation_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt), index("mail_outbox_user_idx").on(t.userId)],
);

/**
 * A domain event, written in the transaction of the change (`emitEvent`): what happened, to what, the
 * organisation it belongs to (its webhooks hear it), a sentence and a portal link for people, and the
 * `data` machines get. Never a secret. `dedupeKey` makes "once per …" events idempotent.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link").notNull().default("/"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    correlationId: text("correlation_id"),
    dedupeKey: text("dedupe_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_dedupe_idx").on(t.dedupeKey),
    index("events_organisation_idx").on(t.organisationId, t.createdAt),
    index("events_kind_idx").on(t.kind, t.createdAt),
  ],
);

/** Who hears of an event: one row per event and person — the inbox, and the e-mail sent for it. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mailId: uuid("mail_id").references(() => mailOutbox.id, { onDelete: "set null" }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_event_user_idx").on(t.eventId, t.userId),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** A person's choice per event kind: e-mail on or off (the inbox always has it). No row: e-mail on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
