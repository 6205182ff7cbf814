import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisationRole, organisations, users } from "./accounts";

export const accountLinkPurpose = pgEnum("account_link_purpose", ["signup", "password-reset", "invitation"]);

/**
 * A single-use link e-mailed to an address: finishing a sign-up, resetting a password, accepting an
 * invitation. Only the keyed digest of the link's token is stored; `usedAt` is set in the transaction
 * that acts on it, so a link works once. An invitation names the organisation and role it grants.
 */
export const accountLinks = pgTable(
  "account_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: accountLinkPurpose("purpose").notNull(),
    digest: text("digest").notNull(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    organisationRole: organisationRole("organisation_role"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** What the person typed when asking (a sign-up's name), never a secret. */
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("account_links_digest_idx").on(t.digest),
    index("account_links_email_idx").on(t.purpose, t.email),
    index("account_links_organisation_idx").on(t.organisationId),
  ],
);

export type AccountLinkRow = typeof accountLinks.$inferSelect;
