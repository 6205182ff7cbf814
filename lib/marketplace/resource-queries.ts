import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  accountingProjects,
  installations,
  marketplaceCategories,
  marketplaceResources,
  offeringPlans,
  offerings,
  organisations,
  type AccountingProjectRow,
  type InstallationRow,
  type MarketplaceCategoryRow,
  type MarketplaceResourceRow,
  type OfferingPlanRow,
  type OfferingRow,
  type OrganisationRow,
  type ResourceState,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { visibleToActorWhere } from "./access";

// Waldur's marketplace resources: each is an accounting installation (its name, project and provider) plus the
// marketplace_resources row (offering, plan, state, backend id, limits).

export type ResourceDetails = {
  resource: MarketplaceResourceRow;
  installation: InstallationRow;
  offering: OfferingRow;
  provider: OrganisationRow;
  category: MarketplaceCategoryRow;
  plan: OfferingPlanRow | null;
  project: AccountingProjectRow;
  customer: OrganisationRow | null;
};

export const RESOURCE_ORDERING = ["created", "name", "state", "project_name"] as const;
export type ResourceOrdering = (typeof RESOURCE_ORDERING)[number] | `-${(typeof RESOURCE_ORDERING)[number]}`;

export type ResourceFilters = {
  ids?: string[];
  offeringIds?: string[];
  projectUuid?: string;
  customerId?: string;
  providerCustomerId?: string;
  backendId?: string;
  name?: string;
  nameExact?: string;
  states?: ResourceState[];
  ordering?: ResourceOrdering[];
};

const customers = alias(organisations, "resource_customer");
const projectName = sql`coalesce(nullif(${accountingProjects.acronym}, ''), nullif(${accountingProjects.title}, ''), ${accountingProjects.id})`;
const SORT: Record<string, SQL> = {
  created: sql`${marketplaceResources.createdAt}`,
  name: sql`${installations.installation}`,
  state: sql`${marketplaceResources.state}::text`,
  project_name: projectName,
};

export async function listResources(
  db: Executor,
  actor: Actor,
  f: ResourceFilters,
  window: { limit: number; offset: number },
): Promise<{ rows: ResourceDetails[]; total: number }> {
  const none = ["00000000-0000-0000-0000-000000000000"];
  const where = and(
    await visibleToActorWhere(db, actor, marketplaceResources.offeringId),
    f.ids ? inArray(marketplaceResources.id, f.ids.length ? f.ids : none) : undefined,
    f.offeringIds ? inArray(marketplaceResources.offeringId, f.offeringIds.length ? f.offeringIds : none) : undefined,
    f.projectUuid ? eq(accountingProjects.uuid, f.projectUuid) : undefined,
    f.customerId ? eq(accountingProjects.organisationId, f.customerId) : undefined,
    f.providerCustomerId ? eq(offerings.organisationId, f.providerCustomerId) : undefined,
    f.backendId !== undefined ? eq(marketplaceResources.backendId, f.backendId) : undefined,
    f.name ? sql`${installations.installation} ilike ${`%${f.name.replace(/[\\%_]/g, "\\$&")}%`}` : undefined,
    f.nameExact !== undefined ? eq(installations.installation, f.nameExact) : undefined,
    f.states?.length ? inArray(marketplaceResources.state, f.states) : undefined,
  );
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(marketplaceResources)
    .innerJoin(installations, eq(installations.pk, marketplaceResources.installationPk))
    .innerJoin(offerings, eq(offerings.id, marketplaceResources.offeringId))
    .innerJoin(accountingProjects, eq(accountingProjects.id, installations.projectId))
    .where(where);
  const order = (f.ordering?.length ? f.ordering : ["-created" as const]).map((k) =>
    k.startsWith("-") ? desc(SORT[k.slice(1)]) : asc(SORT[k]),
  );
  const rows = await db
    .select({
      resource: marketplaceResources,
      installation: installations,
      offering: offerings,
      provider: organisations,
      category: marketplaceCategories,
      plan: offeringPlans,
      project: accountingProjects,
      customer: customers,
    })
    .from(marketplaceResources)
    .innerJoin(installations, eq(installations.pk, marketplaceResources.installationPk))
    .innerJoin(offerings, eq(offerings.id, marketplaceResources.offeringId))
    .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
    .innerJoin(marketplaceCategories, eq(marketplaceCategories.id, offerings.categoryId))
    .innerJoin(accountingProjects, eq(accountingProjects.id, installations.projectId))
    .leftJoin(customers, eq(customers.id, accountingProjects.organisationId))
    .leftJoin(offeringPlans, eq(offeringPlans.id, marketplaceResources.planId))
    .where(where)
    .orderBy(...order, desc(marketplaceResources.id))
    .limit(window.limit)
    .offset(window.offset);
  return { total: Number(n), rows };
}

/** One resource as the actor may see it (undefined: unknown or not visible). */
export async function getResourceDetails(db: Executor, actor: Actor, id: string): Promise<ResourceDetails | undefined> {
  const { rows } = await listResources(db, actor, { ids: [id] }, { limit: 1, offset: 0 });
  return rows[0];
}
