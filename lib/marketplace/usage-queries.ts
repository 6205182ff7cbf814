import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  componentUsages,
  installations,
  marketplaceResources,
  offeringComponents,
  offerings,
  accountingProjects,
  organisations,
  usageRecords,
  users,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { consumerOrganisationIds, providerOfferingIds } from "./access";

// Waldur's component usages: one row per (resource, component, billing period), its amount the usage record it
// points at — the record the ARGO reports and charts read.

/** Each resource's usage in a billing period, per component type (Waldur's `current_usages`). */
export async function usagesInPeriod(
  db: Executor,
  resourceIds: string[],
  period: string,
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!resourceIds.length) return out;
  const rows = await db
    .select({ resourceId: componentUsages.resourceId, type: offeringComponents.type, value: usageRecords.value })
    .from(componentUsages)
    .innerJoin(offeringComponents, eq(offeringComponents.id, componentUsages.componentId))
    .innerJoin(usageRecords, eq(usageRecords.id, componentUsages.usageRecordId))
    .where(and(inArray(componentUsages.resourceId, resourceIds), eq(componentUsages.billingPeriod, period)));
  for (const r of rows) out.set(r.resourceId, { ...(out.get(r.resourceId) ?? {}), [r.type]: r.value });
  return out;
}

export const USAGE_ORDERING = ["billing_period", "usage"] as const;
export type UsageOrdering = (typeof USAGE_ORDERING)[number] | `-${(typeof USAGE_ORDERING)[number]}`;

export type UsageFilters = {
  ids?: string[];
  resourceId?: string;
  offeringId?: string;
  projectUuid?: string;
  customerId?: string;
  type?: string;
  billingPeriod?: string;
  dateAfter?: string;
  dateBefore?: string;
  ordering?: UsageOrdering[];
};

const SORT: Record<string, SQL> = {
  billing_period: sql`${componentUsages.billingPeriod}`,
  usage: sql`${usageRecords.value}`,
};

/** Component usages the actor may see: consumers their customers' projects', providers their offerings', staff and support all. */
export async function listComponentUsages(
  db: Executor,
  actor: Actor,
  f: UsageFilters,
  window: { limit: number; offset: number },
) {
  const orgs = await consumerOrganisationIds(db, actor);
  const offeringIds = orgs === null ? null : await providerOfferingIds(db, actor);
  const visible =
    orgs === null || offeringIds === null
      ? undefined
      : sql`(${orgs.length ? inArray(accountingProjects.organisationId, orgs) : sql`false`} or ${
          offeringIds.length ? inArray(marketplaceResources.offeringId, offeringIds) : sql`false`
        })`;
  const where = and(
    visible,
    f.ids ? inArray(componentUsages.id, f.ids.length ? f.ids : ["00000000-0000-0000-0000-000000000000"]) : undefined,
    f.resourceId ? eq(componentUsages.resourceId, f.resourceId) : undefined,
    f.offeringId ? eq(marketplaceResources.offeringId, f.offeringId) : undefined,
    f.projectUuid ? eq(accountingProjects.uuid, f.projectUuid) : undefined,
    f.customerId ? eq(accountingProjects.organisationId, f.customerId) : undefined,
    f.type ? eq(offeringComponents.type, f.type) : undefined,
    f.billingPeriod ? eq(componentUsages.billingPeriod, f.billingPeriod) : undefined,
    f.dateAfter ? sql`${componentUsages.date} >= ${f.dateAfter}::date` : undefined,
    f.dateBefore ? sql`${componentUsages.date} < (${f.dateBefore}::date + 1)` : undefined,
  );
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(componentUsages)
    .innerJoin(marketplaceResources, eq(marketplaceResources.id, componentUsages.resourceId))
    .innerJoin(installations, eq(installations.pk, marketplaceResources.installationPk))
    .innerJoin(accountingProjects, eq(accountingProjects.id, installations.projectId))
    .innerJoin(offeringComponents, eq(offeringComponents.id, componentUsages.componentId))
    .leftJoin(usageRecords, eq(usageRecords.id, componentUsages.usageRecordId))
    .where(where);
  const order = (f.ordering?.length ? f.ordering : ["-billing_period" as const]).map((k) =>
    k.startsWith("-") ? desc(SORT[k.slice(1)]) : asc(SORT[k]),
  );
  const rows = await db
    .select({
      usage: componentUsages,
      value: usageRecords.value,
      component: offeringComponents,
      installation: installations,
      offering: offerings,
      project: accountingProjects,
      customer: organisations,
      modifiedBy: users.username,
    })
    .from(componentUsages)
    .innerJoin(marketplaceResources, eq(marketplaceResources.id, componentUsages.resourceId))
    .innerJoin(installations, eq(installations.pk, marketplaceResources.installationPk))
    .innerJoin(accountingProjects, eq(accountingProjects.id, installations.projectId))
    .innerJoin(offeringComponents, eq(offeringComponents.id, componentUsages.componentId))
    .innerJoin(offerings, eq(offerings.id, marketplaceResources.offeringId))
    .leftJoin(organisations, eq(organisations.id, accountingProjects.organisationId))
    .leftJoin(usageRecords, eq(usageRecords.id, componentUsages.usageRecordId))
    .leftJoin(users, eq(users.id, componentUsages.modifiedBy))
    .where(where)
    .orderBy(...order, asc(offeringComponents.type), desc(componentUsages.id))
    .limit(window.limit)
    .offset(window.offset);
  return { total: Number(n), rows };
}
export type ComponentUsageDetails = Awaited<ReturnType<typeof listComponentUsages>>["rows"][number];
