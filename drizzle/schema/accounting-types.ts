import { sql } from "drizzle-orm";
import { pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * ARGO's registries of unit types ("TB", "core hours") and metric types ("aggregated", "count"): a metric
 * definition names one of each. Names are unique whatever their case (ARGO's collation); a row with an
 * empty `creator_id` is registered by the service itself and is neither changed nor deleted.
 */
export const unitTypes = pgTable(
  "unit_types",
  {
    pk: serial("pk").primaryKey(),
    id: text("id").notNull(),
    unitType: text("unit_type").notNull(),
    description: text("description").notNull().default(""),
    creatorId: text("creator_id").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("unit_types_id_idx").on(t.id), uniqueIndex("unit_types_name_idx").on(sql`lower(${t.unitType})`)],
);

export const metricTypes = pgTable(
  "metric_types",
  {
    pk: serial("pk").primaryKey(),
    id: text("id").notNull(),
    metricType: text("metric_type").notNull(),
    description: text("description").notNull().default(""),
    creatorId: text("creator_id").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("metric_types_id_idx").on(t.id),
    uniqueIndex("metric_types_name_idx").on(sql`lower(${t.metricType})`),
  ],
);

export type UnitTypeRow = typeof unitTypes.$inferSelect;
export type MetricTypeRow = typeof metricTypes.$inferSelect;
