import { sql } from "drizzle-orm";
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
import { organisations, users } from "./accounts";

export const providerSource = pgEnum("provider_source", ["argo", "registration", "catalogue", "portal"]);
export const accessRole = pgEnum("access_role", ["admin", "collector", "viewer"]);
export const grantSource = pgEnum("grant_source", ["acl", "entitlement", "portal"]);

/**
 * One row per provider, however it came in: the ARGO API (seed 002/003), a UCloud registration
 * (seed 000), the catalogue import, or the portal. `id` is the public id every dialect shows
 * (ARGO `id`, UCloud `specification.id`); `resourceNumber` is UCloud's numeric resource id.
 */
export const providers = pgTable(
  "providers",
  {
    pk: uuid("pk").primaryKey().defaultRandom(),
    id: text("id").notNull(),
    resourceNumber: bigserial("resource_number", { mode: "number" }).notNull(),
    name: text("name").notNull().default(""),
    website: text("website").notNull().default(""),
    abbreviation: text("abbreviation").notNull().default(""),
    logo: text("logo").notNull().default(""),
    /** ARGO `creator_id`: the id of whoever created it; empty for catalogue imports. */
    creatorId: text("creator_id").notNull().default(""),
    source: providerSource("source").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** UCloud specification (registration): where the integration module lives. */
    domain: text("domain"),
    https: boolean("https"),
    port: integer("port"),
    product: jsonb("product").$type<{ id: string; category: string; provider: string }>(),
    /** Catalogue import: the record as last imported, and when. */
    catalogueRecord: jsonb("catalogue_record").$type<Record<string, unknown>>(),
    importedAt: timestamp("imported_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("providers_id_idx").on(t.id),
    uniqueIndex("providers_resource_number_idx").on(t.resourceNumber),
    index("providers_name_lower_idx").on(sql`lower(${t.name})`),
    index("providers_organisation_idx").on(t.organisationId),
    index("providers_owner_idx").on(t.ownerUserId),
  ],
);

/**
 * Who may do what for one (project, provider) pair: from ARGO entitlements, the older ACL endpoint,
 * or the portal. `subject` is a Portico user id or an external client/actor id.
 */
export const providerAccessGrants = pgTable(
  "provider_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: text("project_id").notNull(),
    providerId: text("provider_id").notNull(),
    subject: text("subject").notNull(),
    role: accessRole("role").notNull(),
    source: grantSource("source").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("provider_access_grants_unique_idx").on(t.projectId, t.providerId, t.subject, t.role),
    index("provider_access_grants_subject_idx").on(t.subject),
  ],
);

export type ProviderRow = typeof providers.$inferSelect;
export type ProviderAccessGrantRow = typeof providerAccessGrants.$inferSelect;
