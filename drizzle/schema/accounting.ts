import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./accounts";
import { offeringComponents } from "./offerings";
import { providers } from "./providers";

/**
 * Accounting (SPEC §6, ARGO seed 002). Public ids are ARGO-style 24-hex strings; the big tables
 * (usage records, daily rollup) join on small integer keys instead.
 */
export const metricDefinitions = pgTable(
  "metric_definitions",
  {
    pk: serial("pk").primaryKey(),
    id: text("id").notNull(),
    metricName: text("metric_name").notNull(),
    metricDescription: text("metric_description").notNull().default(""),
    unitType: text("unit_type").notNull(),
    metricType: text("metric_type").notNull(),
    creatorId: text("creator_id").notNull().default(""),
    /** Set for the metric that accounts for one offering component (made when a resource of it is created). */
    offeringComponentId: uuid("offering_component_id").references(() => offeringComponents.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("metric_definitions_id_idx").on(t.id),
    uniqueIndex("metric_definitions_offering_component_idx").on(t.offeringComponentId),
  ],
);

/**
 * A project: ARGO's (text id) and Waldur's (uuid, customer) at once — one row seen through both dialects.
 * The customer's members order for it and see its resources.
 */
export const accountingProjects = pgTable("accounting_projects", {
  id: text("id").primaryKey(),
  uuid: uuid("uuid").notNull().unique("accounting_projects_uuid_idx").defaultRandom(),
  organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
  acronym: text("acronym").notNull().default(""),
  title: text("title").notNull().default(""),
  startDate: date("start_date", { mode: "string" }),
  endDate: date("end_date", { mode: "string" }),
  callIdentifier: text("call_identifier").notNull().default(""),
  creatorId: text("creator_id").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const projectProviders = pgTable(
  "project_providers",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => accountingProjects.id, { onDelete: "cascade" }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade", onUpdate: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.providerId] }),
    index("project_providers_provider_idx").on(t.providerId),
  ],
);

export const installations = pgTable(
  "installations",
  {
    pk: serial("pk").primaryKey(),
    id: text("id").notNull(),
    projectId: text("project_id")
      .notNull()
      .references(() => accountingProjects.id),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onUpdate: "cascade" }),
    infrastructure: text("infrastructure").notNull(),
    installation: text("installation").notNull(),
    resource: text("resource"),
    externalId: text("external_id"),
    unitOfAccessPk: integer("unit_of_access_pk")
      .notNull()
      .references(() => metricDefinitions.pk),
    creatorId: text("creator_id").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("installations_id_idx").on(t.id),
    uniqueIndex("installations_external_id_idx").on(t.externalId),
    index("installations_provider_project_idx").on(t.providerId, t.projectId),
  ],
);

/**
 * One usage record. The natural key (installation, metric, period, user, group) is unique, so a
 * repeated record is stored once; so is a client's own record id per installation.
 */
export const usageRecords = pgTable(
  "usage_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // No foreign keys here: their per-row triggers cost a third of bulk ingest; ingest resolves both
    // keys before inserting and deleteInstallation removes the records itself.
    installationPk: integer("installation_pk").notNull(),
    metricPk: integer("metric_pk").notNull(),
    timePeriodStart: timestamp("time_period_start", { withTimezone: true }).notNull(),
    timePeriodEnd: timestamp("time_period_end", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
    userId: text("user_id").notNull().default(""),
    groupId: text("group_id").notNull().default(""),
    clientRecordId: text("client_record_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("usage_records_natural_key_idx").on(
      t.installationPk,
      t.metricPk,
      t.timePeriodStart,
      t.timePeriodEnd,
      t.userId,
      t.groupId,
    ),
    uniqueIndex("usage_records_client_id_idx")
      .on(t.installationPk, t.clientRecordId)
      .where(sql`${t.clientRecordId} is not null`),
  ],
);

/**
 * Usage per (installation, metric, UTC day), kept in step with usage_records inside the same
 * transaction. Records straddling midnight are split pro rata by time overlap, so every report whose
 * boundaries fall on days (ranges are dates, capacities start on dates) is exact from this table.
 */
export const usageDaily = pgTable(
  "usage_daily",
  {
    installationPk: integer("installation_pk")
      .notNull()
      .references(() => installations.pk, { onDelete: "cascade" }),
    metricPk: integer("metric_pk")
      .notNull()
      .references(() => metricDefinitions.pk),
    day: date("day", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    records: integer("records").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.installationPk, t.metricPk, t.day] }),
    index("usage_daily_metric_day_idx").on(t.metricPk, t.day),
  ],
);

/** A capacity is valid from `registered_on` (a UTC day) until the next one of the same metric. */
export const capacities = pgTable(
  "installation_capacities",
  {
    id: text("id").primaryKey(),
    installationPk: integer("installation_pk")
      .notNull()
      .references(() => installations.pk, { onDelete: "cascade" }),
    metricPk: integer("metric_pk")
      .notNull()
      .references(() => metricDefinitions.pk),
    value: doublePrecision("value").notNull(),
    registeredOn: date("registered_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("installation_capacities_unique_idx").on(t.installationPk, t.metricPk, t.registeredOn)],
);

export type MetricDefinitionRow = typeof metricDefinitions.$inferSelect;
export type AccountingProjectRow = typeof accountingProjects.$inferSelect;
export type InstallationRow = typeof installations.$inferSelect;
export type UsageRecordRow = typeof usageRecords.$inferSelect;
export type CapacityRow = typeof capacities.$inferSelect;
