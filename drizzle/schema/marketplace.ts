import {
  bigint,
  boolean,
  date,
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
import { accountingProjects, installations } from "./accounting";
import { users } from "./accounts";
import { offeringComponents, offeringPlans, offerings } from "./offerings";

// Waldur's marketplace orders and resources (the Waldur Site Agent's loop), on the accounting core.
export const orderState = pgEnum("order_state", [
  "pending-consumer",
  "pending-provider",
  "pending-project",
  "pending-start-date",
  "executing",
  "done",
  "erred",
  "canceled",
  "rejected",
]);
export const orderType = pgEnum("order_type", ["Create", "Update", "Terminate", "Restore"]);
export const resourceState = pgEnum("resource_state", [
  "Creating",
  "OK",
  "Erred",
  "Updating",
  "Terminating",
  "Terminated",
]);

/**
 * A resource IS an accounting installation: this row only adds what Waldur says about it (offering, plan,
 * state, backend id, limits). Its name, project and provider are the installation's own columns.
 */
export const marketplaceResources = pgTable(
  "marketplace_resources",
  {
    id: uuid("id").primaryKey(),
    installationPk: integer("installation_pk")
      .notNull()
      .references(() => installations.pk, { onDelete: "cascade" }),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offerings.id, { onDelete: "restrict" }),
    planId: uuid("plan_id").references(() => offeringPlans.id, { onDelete: "set null" }),
    state: resourceState("state").notNull().default("Creating"),
    backendId: text("backend_id").notNull().default(""),
    limits: jsonb("limits").$type<Record<string, number>>().notNull().default({}),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("marketplace_resources_installation_idx").on(t.installationPk),
    index("marketplace_resources_offering_idx").on(t.offeringId, t.state),
  ],
);

/** An order for an offering's plan in a project. `resource_id` is reserved at placement; approval creates it. */
export const marketplaceOrders = pgTable(
  "marketplace_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offeringId: uuid("offering_id")
      .notNull()
      .references(() => offerings.id, { onDelete: "restrict" }),
    planId: uuid("plan_id").references(() => offeringPlans.id, { onDelete: "set null" }),
    projectId: text("project_id")
      .notNull()
      .references(() => accountingProjects.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id").notNull(),
    resourceName: text("resource_name").notNull().default(""),
    type: orderType("type").notNull().default("Create"),
    state: orderState("state").notNull().default("pending-provider"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    limits: jsonb("limits").$type<Record<string, number>>().notNull().default({}),
    requestComment: text("request_comment"),
    callbackUrl: text("callback_url"),
    backendId: text("backend_id").notNull().default(""),
    errorMessage: text("error_message").notNull().default(""),
    errorTraceback: text("error_traceback").notNull().default(""),
    /** Why the provider rejected it (or why it was canceled). */
    terminationComment: text("termination_comment"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    consumerReviewedBy: uuid("consumer_reviewed_by").references(() => users.id, { onDelete: "set null" }),
    consumerReviewedAt: timestamp("consumer_reviewed_at", { withTimezone: true }),
    providerReviewedBy: uuid("provider_reviewed_by").references(() => users.id, { onDelete: "set null" }),
    providerReviewedAt: timestamp("provider_reviewed_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("marketplace_orders_offering_state_idx").on(t.offeringId, t.state),
    index("marketplace_orders_project_idx").on(t.projectId),
    index("marketplace_orders_resource_idx").on(t.resourceId),
  ],
);

/**
 * Waldur's view of one usage record: the amount a site set for (resource, component, billing period) lives in
 * `usage_records` (and so in every report); this row gives it Waldur's uuid and the reporter's words.
 */
export const componentUsages = pgTable(
  "component_usages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => marketplaceResources.id, { onDelete: "cascade" }),
    componentId: uuid("component_id")
      .notNull()
      .references(() => offeringComponents.id, { onDelete: "cascade" }),
    billingPeriod: date("billing_period", { mode: "string" }).notNull(),
    // No foreign key: usage_records stays free of triggers (see there); replacing the record updates this.
    usageRecordId: bigint("usage_record_id", { mode: "number" }),
    description: text("description").notNull().default(""),
    recurring: boolean("recurring").notNull().default(false),
    date: timestamp("date", { withTimezone: true }).notNull(),
    modifiedBy: uuid("modified_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("component_usages_period_idx").on(t.resourceId, t.componentId, t.billingPeriod)],
);

export type MarketplaceResourceRow = typeof marketplaceResources.$inferSelect;
export type MarketplaceOrderRow = typeof marketplaceOrders.$inferSelect;
export type ComponentUsageRow = typeof componentUsages.$inferSelect;
export type OrderState = (typeof orderState.enumValues)[number];
export type ResourceState = (typeof resourceState.enumValues)[number];
