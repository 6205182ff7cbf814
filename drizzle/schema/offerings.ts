import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { providers } from "./providers";

// Waldur's marketplace vocabulary (seed 001): the offering domain speaks it natively.
export const offeringState = pgEnum("offering_state", ["Draft", "Active", "Paused", "Archived"]);
export const componentBillingType = pgEnum("component_billing_type", ["usage", "fixed", "one", "few", "limit"]);
export const componentLimitPeriod = pgEnum("component_limit_period", ["month", "quarterly", "annual", "total"]);
export const planUnit = pgEnum("plan_unit", ["quantity", "hour", "day", "half_month", "month", "quarter", "year"]);
export const offeringRoleName = pgEnum("offering_role_name", ["OFFERING.MANAGER"]);

export type OfferingOptions = { order: string[]; options: Record<string, unknown> };

export const marketplaceCategories = pgTable(
  "marketplace_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    icon: text("icon"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("marketplace_categories_title_lower_idx").on(sql`lower(${t.title})`)],
);

/** An offering of an organisation (Waldur customer), optionally linked to a registered provider. */
export const offerings = pgTable(
  "offerings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    fullDescription: text("full_description").notNull().default(""),
    termsOfService: text("terms_of_service").notNull().default(""),
    termsOfServiceLink: text("terms_of_service_link").notNull().default(""),
    privacyPolicyLink: text("privacy_policy_link").notNull().default(""),
    accessUrl: text("access_url").notNull().default(""),
    nativeName: text("native_name").notNull().default(""),
    nativeDescription: text("native_description").notNull().default(""),
    vendorDetails: text("vendor_details").notNull().default(""),
    gettingStarted: text("getting_started").notNull().default(""),
    integrationGuide: text("integration_guide").notNull().default(""),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => marketplaceCategories.id, { onDelete: "restrict" }),
    providerPk: uuid("provider_pk").references(() => providers.pk, { onDelete: "set null" }),
    type: text("type").notNull(),
    shared: boolean("shared").notNull().default(true),
    billable: boolean("billable").notNull().default(true),
    state: offeringState("state").notNull().default("Draft"),
    pausedReason: text("paused_reason").notNull().default(""),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    options: jsonb("options").$type<OfferingOptions>().notNull().default({ order: [], options: {} }),
    resourceOptions: jsonb("resource_options").$type<OfferingOptions>().notNull().default({ order: [], options: {} }),
    pluginOptions: jsonb("plugin_options").$type<Record<string, unknown>>().notNull().default({}),
    /** AES-GCM sealed JSON object; never stored or logged in clear. */
    secretOptions: text("secret_options"),
    serviceAttributes: jsonb("service_attributes").$type<Record<string, unknown>>().notNull().default({}),
    backendId: text("backend_id").notNull().default(""),
    country: text("country").notNull().default(""),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("offerings_slug_idx").on(t.slug),
    index("offerings_organisation_idx").on(t.organisationId),
    index("offerings_category_idx").on(t.categoryId),
    index("offerings_provider_idx").on(t.providerPk),
    index("offerings_state_idx").on(t.state),
  ],
);

export const offeringComponents = pgTable(
  "offering_components",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offerings.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    type: text("type").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    measuredUnit: text("measured_unit").notNull().default(""),
    billingType: componentBillingType("billing_type").notNull(),
    limitPeriod: componentLimitPeriod("limit_period"),
    limitAmount: integer("limit_amount"),
    articleCode: text("article_code").notNull().default(""),
    maxValue: integer("max_value"),
    minValue: integer("min_value"),
    maxAvailableLimit: integer("max_available_limit"),
    isBoolean: boolean("is_boolean").notNull().default(false),
    defaultLimit: integer("default_limit"),
    unitFactor: doublePrecision("unit_factor").notNull().default(1),
  },
  (t) => [uniqueIndex("offering_components_type_idx").on(t.offeringId, t.type)],
);

export const offeringPlans = pgTable(
  "offering_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offerings.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    articleCode: text("article_code").notNull().default(""),
    maxAmount: integer("max_amount"),
    archived: boolean("archived").notNull().default(false),
    unit: planUnit("unit").notNull().default("month"),
    backendId: text("backend_id").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("offering_plans_offering_idx").on(t.offeringId)],
);

/** A plan's price and quota for one component of its offering. */
export const planComponents = pgTable(
  "plan_components",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => offeringPlans.id, { onDelete: "cascade" }),
    componentId: uuid("component_id")
      .notNull()
      .references(() => offeringComponents.id, { onDelete: "cascade" }),
    price: numeric("price", { precision: 22, scale: 10 }).notNull().default("0"),
    futurePrice: numeric("future_price", { precision: 22, scale: 10 }),
    amount: integer("amount").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.planId, t.componentId] })],
);

/** Offering-scoped roles (Waldur `add_user`): OFFERING.MANAGER manages that one offering. */
export const offeringUserRoles = pgTable(
  "offering_user_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offerings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: offeringRoleName("role").notNull(),
    expirationTime: timestamp("expiration_time", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("offering_user_roles_unique_idx").on(t.offeringId, t.userId, t.role),
    index("offering_user_roles_user_idx").on(t.userId),
  ],
);

/** The offering wizard's server-side drafts: resumable until created or deleted. */
export const offeringDrafts = pgTable(
  "offering_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull().default(""),
    step: integer("step").notNull().default(0),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("offering_drafts_owner_idx").on(t.ownerId)],
);

/** Waldur's user fields that Portico's `users` row does not carry (names, slug, token lifetime). */
export const waldurUserProfiles = pgTable(
  "waldur_user_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    nativeName: text("native_name").notNull().default(""),
    jobTitle: text("job_title").notNull().default(""),
    phoneNumber: text("phone_number").notNull().default(""),
    organization: text("organization").notNull().default(""),
    description: text("description").notNull().default(""),
    civilNumber: text("civil_number"),
    preferredLanguage: text("preferred_language").notNull().default(""),
    /** Seconds a Waldur token lives; null = forever. */
    tokenLifetime: integer("token_lifetime"),
    agreementDate: timestamp("agreement_date", { withTimezone: true }),
  },
  (t) => [uniqueIndex("waldur_user_profiles_slug_idx").on(t.slug)],
);

export type MarketplaceCategoryRow = typeof marketplaceCategories.$inferSelect;
export type OfferingRow = typeof offerings.$inferSelect;
export type OfferingComponentRow = typeof offeringComponents.$inferSelect;
export type OfferingPlanRow = typeof offeringPlans.$inferSelect;
export type PlanComponentRow = typeof planComponents.$inferSelect;
export type OfferingUserRoleRow = typeof offeringUserRoles.$inferSelect;
export type OfferingDraftRow = typeof offeringDrafts.$inferSelect;
export type WaldurUserProfileRow = typeof waldurUserProfiles.$inferSelect;
