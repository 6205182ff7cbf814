import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { providers } from "./providers";

export const registrationStatus = pgEnum("registration_status", ["pending", "signed", "approved", "rejected"]);
export const registrationOrigin = pgEnum("registration_origin", ["integration_module", "wizard"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "delivered", "failed"]);

export type ProductReference = { id: string; category: string; provider: string };

/**
 * A provider's request to join (seed 000): `requestApproval` information → sign → approve/reject.
 * The token is kept as a keyed digest (lookup) and encrypted (the welcome call authenticates with it).
 * "Expired" is not a status: a pending or signed request whose `expires_at` has passed.
 */
export const registrationRequests = pgTable(
  "registration_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenDigest: text("token_digest").notNull(),
    tokenCiphertext: text("token_ciphertext").notNull(),
    origin: registrationOrigin("origin").notNull(),
    status: registrationStatus("status").notNull().default("pending"),
    specId: text("spec_id").notNull(),
    domain: text("domain").notNull(),
    https: boolean("https").notNull(),
    port: integer("port"),
    product: jsonb("product").$type<ProductReference>().notNull(),
    name: text("name").notNull().default(""),
    website: text("website").notNull().default(""),
    abbreviation: text("abbreviation").notNull().default(""),
    logo: text("logo").notNull().default(""),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requesterIp: text("requester_ip").notNull().default(""),
    signedBy: uuid("signed_by").references(() => users.id, { onDelete: "set null" }),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    providerPk: uuid("provider_pk").references(() => providers.pk, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registration_requests_token_idx").on(t.tokenDigest),
    index("registration_requests_spec_idx").on(t.specId),
    index("registration_requests_status_idx").on(t.status, t.createdAt),
    index("registration_requests_signed_by_idx").on(t.signedBy),
  ],
);

/**
 * A registered provider's credentials: the refresh token (digest for lookup, AES-GCM ciphertext because
 * `retrieve` shows it again), the key pair (private half encrypted), and the service account its access
 * tokens act as. `generation` goes up on every rotation; access tokens carry it, so rotation ends them too.
 */
export const providerCredentials = pgTable(
  "provider_credentials",
  {
    providerPk: uuid("provider_pk")
      .primaryKey()
      .references(() => providers.pk, { onDelete: "cascade" }),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    refreshDigest: text("refresh_digest").notNull(),
    refreshCiphertext: text("refresh_ciphertext").notNull(),
    refreshPrefix: text("refresh_prefix").notNull(),
    generation: integer("generation").notNull().default(1),
    publicKey: text("public_key").notNull(),
    privateKeyCiphertext: text("private_key_ciphertext").notNull(),
    /** When the wizard showed the credentials to the owner (shown once there). */
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("provider_credentials_refresh_idx").on(t.refreshDigest),
    uniqueIndex("provider_credentials_service_user_idx").on(t.serviceUserId),
  ],
);

/**
 * The durable welcome outbox: stored in the approval's transaction, claimed by any server process with
 * `FOR UPDATE SKIP LOCKED` plus a lease (`claim_id`, `lease_until`) so two workers never send one message.
 */
export const welcomeOutbox = pgTable(
  "welcome_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerPk: uuid("provider_pk")
      .notNull()
      .references(() => providers.pk, { onDelete: "cascade" }),
    registrationId: uuid("registration_id").references(() => registrationRequests.id, { onDelete: "set null" }),
    url: text("url").notNull(),
    /** `{token, createdProvider}` as JSON, encrypted: it carries secrets. */
    payloadCiphertext: text("payload_ciphertext").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimId: uuid("claim_id"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** The request that queued it (the approval): its delivery's audit events carry the same id. */
    correlationId: text("correlation_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("welcome_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("welcome_outbox_provider_idx").on(t.providerPk),
  ],
);

/** Every delivery attempt, kept for the provider page. */
export const welcomeAttempts = pgTable(
  "welcome_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    outboxId: uuid("outbox_id")
      .notNull()
      .references(() => welcomeOutbox.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    httpStatus: integer("http_status"),
    ok: boolean("ok").notNull(),
    error: text("error"),
    worker: text("worker").notNull().default(""),
  },
  (t) => [uniqueIndex("welcome_attempts_outbox_attempt_idx").on(t.outboxId, t.attempt)],
);

/** A provider admin's onboarding wizard in progress, resumable; `registrationId` once submitted. */
export const onboardingDrafts = pgTable(
  "onboarding_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    step: integer("step").notNull().default(0),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    registrationId: uuid("registration_id").references(() => registrationRequests.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("onboarding_drafts_user_idx").on(t.userId)],
);

export type RegistrationRequestRow = typeof registrationRequests.$inferSelect;
export type ProviderCredentialsRow = typeof providerCredentials.$inferSelect;
export type WelcomeOutboxRow = typeof welcomeOutbox.$inferSelect;
export type WelcomeAttemptRow = typeof welcomeAttempts.$inferSelect;
export type OnboardingDraftRow = typeof onboardingDrafts.$inferSelect;
