import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  accountingProjects,
  marketplaceCategories,
  marketplaceOrders,
  marketplaceResources,
  offeringPlans,
  offerings,
  organisations,
  users,
  type AccountingProjectRow,
  type MarketplaceCategoryRow,
  type MarketplaceOrderRow,
  type OfferingPlanRow,
  type OfferingRow,
  type OrderState,
  type OrganisationRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { visibleToActorWhere } from "./access";

type Person = { id: string; username: string; name: string } | null;
export type OrderDetails = {
  order: MarketplaceOrderRow;
  offering: OfferingRow;
  provider: OrganisationRow;
  category: MarketplaceCategoryRow;
  plan: OfferingPlanRow | null;
  project: AccountingProjectRow;
  customer: OrganisationRow | null;
  resourceExists: boolean;
  createdBy: Person;
  consumerReviewedBy: Person;
  providerReviewedBy: Person;
};

export const ORDER_ORDERING = ["created", "consumer_reviewed_at", "state", "modified"] as const;
export type OrderOrdering = (typeof ORDER_ORDERING)[number] | `-${(typeof ORDER_ORDERING)[number]}`;

export type OrderFilters = {
  ids?: string[];
  offeringId?: string;
  projectUuid?: string;
  customerId?: string;
  providerCustomerId?: string;
  resourceId?: string;
  states?: OrderState[];
  types?: string[];
  ordering?: OrderOrdering[];
};

const customers = alias(organisations, "project_customer");
const SORT: Record<string, SQL | typeof marketplaceOrders.createdAt> = {
  created: sql`${marketplaceOrders.createdAt}`,
  consumer_reviewed_at: sql`${marketplaceOrders.consumerReviewedAt}`,
  modified: sql`${marketplaceOrders.modifiedAt}`,
  // Pending first, then executing, then the finished ones.
  state: sql`array_position(array['pending-consumer','pending-provider','pending-project','pending-start-date','executing','erred','done','rejected','canceled']::text[], ${marketplaceOrders.state}::text)`,
};

export async function listOrders(
  db: Executor,
  actor: Actor,
  f: OrderFilters,
  window: { limit: number; offset: number },
): Promise<{ rows: OrderDetails[]; total: number }> {
  const where = and(
    await visibleToActorWhere(db, actor, marketplaceOrders.offeringId),
    f.ids ? inArray(marketplaceOrders.id, f.ids.length ? f.ids : ["00000000-0000-0000-0000-000000000000"]) : undefined,
    f.offeringId ? eq(marketplaceOrders.offeringId, f.offeringId) : undefined,
    f.projectUuid ? eq(accountingProjects.uuid, f.projectUuid) : undefined,
    f.customerId ? eq(accountingProjects.organisationId, f.customerId) : undefined,
    f.providerCustomerId ? eq(offerings.organisationId, f.providerCustomerId) : undefined,
    f.resourceId ? eq(marketplaceOrders.resourceId, f.resourceId) : undefined,
    f.states?.length ? inArray(marketplaceOrders.state, f.states) : undefined,
    f.types?.length ? sql`${marketplaceOrders.type}::text = any(${sql.param(f.types)}::text[])` : undefined,
  );
  const base = db
    .select({ n: sql<number>`count(*)::int` })
    .from(marketplaceOrders)
    .innerJoin(offerings, eq(offerings.id, marketplaceOrders.offeringId))
    .innerJoin(accountingProjects, eq(accountingProjects.id, marketplaceOrders.projectId))
    .where(where);
  const [{ n }] = await base;
  const order = (f.ordering?.length ? f.ordering : ["-created" as const]).map((k) =>
    k.startsWith("-") ? desc(SORT[k.slice(1)]) : asc(SORT[k]),
  );
  const rows = await db
    .select({
      order: marketplaceOrders,
      offering: offerings,
      provider: organisations,
      category: marketplaceCategories,
      plan: offeringPlans,
      project: accountingProjects,
      customer: customers,
      resourceId: marketplaceResources.id,
    })
    .from(marketplaceOrders)
    .innerJoin(offerings, eq(offerings.id, marketplaceOrders.offeringId))
    .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
    .innerJoin(marketplaceCategories, eq(marketplaceCategories.id, offerings.categoryId))
    .innerJoin(accountingProjects, eq(accountingProjects.id, marketplaceOrders.projectId))
    .leftJoin(customers, eq(customers.id, accountingProjects.organisationId))
    .leftJoin(offeringPlans, eq(offeringPlans.id, marketplaceOrders.planId))
    .leftJoin(marketplaceResources, eq(marketplaceResources.id, marketplaceOrders.resourceId))
    .where(where)
    .orderBy(...order, desc(marketplaceOrders.id))
    .limit(window.limit)
    .offset(window.offset);
  const people = await peopleById(
    db,
    rows.flatMap((r) => [r.order.createdBy, r.order.consumerReviewedBy, r.order.providerReviewedBy]),
  );
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      order: r.order,
      offering: r.offering,
      provider: r.provider,
      category: r.category,
      plan: r.plan,
      project: r.project,
      customer: r.customer,
      resourceExists: !!r.resourceId,
      createdBy: person(r.order.createdBy),
      consumerReviewedBy: person(r.order.consumerReviewedBy),
      providerReviewedBy: person(r.order.providerReviewedBy),
    })),
  };
}

async function peopleById(db: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length
    ? await db
        .select({ id: users.id, username: users.username, name: users.name })
        .from(users)
        .where(inArray(users.id, wanted))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** One order as the actor may see it (undefined: unknown or not visible). */
export async function getOrderDetails(db: Executor, actor: Actor, id: string): Promise<OrderDetails | undefined> {
  const { rows } = await listOrders(db, actor, { ids: [id] }, { limit: 1, offset: 0 });
  return rows[0];
}
