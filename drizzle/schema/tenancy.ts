import { sql } from "drizzle-orm";
import { index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { providers } from "./providers";

// CloudCockpit (seed 004): a tenant is a CSP's space, identified by its domain (the X-Tenant header).
export const tenantRole = pgEnum("tenant_role", ["csp", "reseller"]);
export const marginRule = pgEnum("margin_rule", ["markup", "margin", "erpMinusDiscount"]);
export const providerInstanceType = pgEnum("provider_instance_type", [
  "microsoft",
  "portico",
  "aws",
  "google",
  "other",
]);

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    domain: text("domain").notNull(),
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenants_domain_lower_idx").on(sql`lower(${t.domain})`)],
);

export const resellers = pgTable(
  "resellers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resellers_tenant_idx").on(t.tenantId)],
);

/** A user's role in one tenant: csp (everything in the tenant) or reseller (only that reseller's customers). */
export const tenantMembers = pgTable(
  "tenant_members",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: tenantRole("role").notNull(),
    resellerId: uuid("reseller_id").references(() => resellers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenant_members_tenant_user_idx").on(t.tenantId, t.userId),
    index("tenant_members_user_idx").on(t.userId),
  ],
);

/** A CloudCockpit customer: belongs to a tenant and, when sold through one, to a reseller. */
export const tenantCustomers = pgTable(
  "tenant_customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    resellerId: uuid("reseller_id").references(() => resellers.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    email: text("email").notNull().default(""),
    country: text("country").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tenant_customers_tenant_idx").on(t.tenantId, t.resellerId)],
);

/** A provider's configured instance in a tenant: an external one (Microsoft CSP, …) or one of Portico's providers. */
export const providerInstances = pgTable(
  "provider_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: providerInstanceType("type").notNull(),
    providerPk: uuid("provider_pk").references(() => providers.pk, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("provider_instances_tenant_name_idx").on(t.tenantId, sql`lower(${t.name})`)],
);

export type OfferTypeMargins = Record<string, { rule: (typeof marginRule.enumValues)[number]; value: string }>;

/** A provider instance added to a customer, with its price margin and per-offer-type overrides. */
export const customerProviderInstances = pgTable(
  "customer_provider_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => tenantCustomers.id, { onDelete: "cascade" }),
    providerInstanceId: uuid("provider_instance_id")
      .notNull()
      .references(() => providerInstances.id, { onDelete: "restrict" }),
    resellerId: uuid("reseller_id").references(() => resellers.id, { onDelete: "restrict" }),
    /** As the client sent it: a JSON text for Microsoft instances, free text or null otherwise. */
    providerCustomerData: text("provider_customer_data"),
    marginRule: marginRule("margin_rule").notNull(),
    marginValue: numeric("margin_value", { precision: 12, scale: 4 }).notNull(),
    offerTypeMargins: jsonb("offer_type_margins").$type<OfferTypeMargins>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customer_provider_instances_unique_idx").on(t.customerId, t.providerInstanceId),
    index("customer_provider_instances_instance_idx").on(t.providerInstanceId),
  ],
);

export type TenantRow = typeof tenants.$inferSelect;
export type ResellerRow = typeof resellers.$inferSelect;
export type TenantMemberRow = typeof tenantMembers.$inferSelect;
export type TenantCustomerRow = typeof tenantCustomers.$inferSelect;
export type ProviderInstanceRow = typeof providerInstances.$inferSelect;
export type CustomerProviderInstanceRow = typeof customerProviderInstances.$inferSelect;
