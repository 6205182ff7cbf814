import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { accessRole, providers } from "./providers";

/**
 * ARGO entitlements (seed 002): `{namespace}:group:accounting:{project_id}:{provider_id}:role={role}`.
 * The name is kept as given; its parts are stored parsed. Assigning one writes a provider_access_grant.
 */
export const providerEntitlements = pgTable(
  "provider_entitlements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    namespace: text("namespace").notNull(),
    projectId: text("project_id").notNull(),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade", onUpdate: "cascade" }),
    role: accessRole("role").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("provider_entitlements_name_idx").on(t.name),
    index("provider_entitlements_provider_idx").on(t.providerId, t.projectId),
  ],
);

/** Which actors hold an entitlement (`subject` is the user's id). */
export const providerEntitlementAssignments = pgTable(
  "provider_entitlement_assignments",
  {
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => providerEntitlements.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entitlementId, t.subject] }),
    index("provider_entitlement_assignments_subject_idx").on(t.subject),
  ],
);

export type ProviderEntitlementRow = typeof providerEntitlements.$inferSelect;
