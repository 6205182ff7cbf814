import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, or, sql, type Column, type SQL } from "drizzle-orm";
import {
  marketplaceCategories,
  offeringComponents,
  offeringDrafts,
  offeringPlans,
  offeringUserRoles,
  offerings,
  organisations,
  planComponents,
  providers,
  users,
  type MarketplaceCategoryRow,
  type OfferingComponentRow,
  type OfferingPlanRow,
  type OfferingRow,
  type OrganisationRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { containsPattern as like } from "@/lib/db/like-pattern";
import { visibleOfferingsWhere } from "./access";
import type { OfferingState } from "./schemas";

export type PlanDetails = OfferingPlanRow & {
  components: { componentId: string; type: string; price: string; futurePrice: string | null; amount: number }[];
};
export type OfferingDetails = {
  offering: OfferingRow;
  organisation: OrganisationRow;
  category: MarketplaceCategoryRow;
  providerId: string | null;
  components: OfferingComponentRow[];
  plans: PlanDetails[];
};

export async function findOffering(db: Executor, id: string): Promise<OfferingRow | undefined> {
  const [row] = await db.select().from(offerings).where(eq(offerings.id, id));
  return row;
}

/** Offerings with their customer, category, components and plans (prices/quotas), in the given order. */
export async function loadOfferingDetails(db: Executor, ids: string[]): Promise<OfferingDetails[]> {
  if (!ids.length) return [];
  const heads = await db
    .select({
      offering: offerings,
      organisation: organisations,
      category: marketplaceCategories,
      providerId: providers.id,
    })
    .from(offerings)
    .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
    .innerJoin(marketplaceCategories, eq(marketplaceCategories.id, offerings.categoryId))
    .leftJoin(providers, eq(providers.pk, offerings.providerPk))
    .where(inArray(offerings.id, ids));
  const comps = await db
    .select()
    .from(offeringComponents)
    .where(inArray(offeringComponents.offeringId, ids))
    .orderBy(asc(offeringComponents.position));
  const plans = await db
    .select()
    .from(offeringPlans)
    .where(inArray(offeringPlans.offeringId, ids))
    .orderBy(asc(offeringPlans.position), asc(offeringPlans.createdAt));
  const prices = plans.length
    ? await db
        .select({ pc: planComponents, type: offeringComponents.type })
        .from(planComponents)
        .innerJoin(offeringComponents, eq(offeringComponents.id, planComponents.componentId))
        .where(
          inArray(
            planComponents.planId,
            plans.map((p) => p.id),
          ),
        )
    : [];
  const byId = new Map(heads.map((h) => [h.offering.id, h]));
  return ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const h = byId.get(id)!;
      return {
        ...h,
        components: comps.filter((c) => c.offeringId === id),
        plans: plans
          .filter((p) => p.offeringId === id)
          .map((p) => ({
            ...p,
            components: prices
              .filter((x) => x.pc.planId === p.id)
              .map((x) => ({
                componentId: x.pc.componentId,
                type: x.type,
                price: x.pc.price,
                futurePrice: x.pc.futurePrice,
                amount: x.pc.amount,
              })),
          })),
      };
    });
}

export async function getOfferingDetails(db: Executor, id: string): Promise<OfferingDetails | undefined> {
  return (await loadOfferingDetails(db, [id]))[0];
}

export type OfferingOrder = "name" | "-name" | "created" | "-created" | "state" | "-state" | "type" | "-type";

export type OfferingFilters = {
  organisationId?: string;
  categoryId?: string;
  states?: OfferingState[];
  type?: string | string[];
  /** Name contains (case-insensitive). */
  name?: string;
  nameExact?: string;
  description?: string;
  /** Name, description, or the organisation's name or abbreviation contains. */
  keyword?: string;
  /** Name, slug or description contains. */
  query?: string;
  shared?: boolean;
  billable?: boolean;
  /** Only these offerings (ids). */
  ids?: string[];
  /** Offerings this user holds an unexpired role on (Waldur's service_manager_uuid). */
  managerUserId?: string;
  providerId?: string;
  /** One key or several, the first first. */
  ordering?: OfferingOrder | OfferingOrder[];
};

function filterWhere(f: OfferingFilters): SQL[] {
  const where: SQL[] = [];
  if (f.organisationId) where.push(eq(offerings.organisationId, f.organisationId));
  if (f.categoryId) where.push(eq(offerings.categoryId, f.categoryId));
  if (f.states) where.push(f.states.length ? inArray(offerings.state, f.states) : sql`false`);
  if (f.type !== undefined) where.push(inArray(offerings.type, Array.isArray(f.type) ? f.type : [f.type]));
  if (f.shared !== undefined) where.push(eq(offerings.shared, f.shared));
  if (f.billable !== undefined) where.push(eq(offerings.billable, f.billable));
  if (f.providerId) where.push(eq(providers.id, f.providerId));
  if (f.name) where.push(ilike(offerings.name, like(f.name)));
  if (f.nameExact !== undefined) where.push(eq(offerings.name, f.nameExact));
  if (f.description) where.push(ilike(offerings.description, like(f.description)));
  if (f.ids) where.push(f.ids.length ? inArray(offerings.id, f.ids) : sql`false`);
  if (f.managerUserId)
    where.push(
      inArray(
        offerings.id,
        sql`(select ${offeringUserRoles.offeringId} from ${offeringUserRoles} where ${and(
          eq(offeringUserRoles.userId, f.managerUserId),
          or(isNull(offeringUserRoles.expirationTime), gt(offeringUserRoles.expirationTime, sql`now()`)),
        )})`,
      ),
    );
  if (f.keyword)
    where.push(
      or(
        ilike(offerings.name, like(f.keyword)),
        ilike(offerings.description, like(f.keyword)),
        ilike(organisations.name, like(f.keyword)),
        ilike(organisations.abbreviation, like(f.keyword)),
      )!,
    );
  if (f.query)
    where.push(
      or(
        ilike(offerings.name, like(f.query)),
        ilike(offerings.slug, like(f.query)),
        ilike(offerings.description, like(f.query)),
      )!,
    );
  return where;
}

// Waldur keeps an offering's state as a number (Draft 1, Active 2, Paused 3, Archived 4) and orders by it.
const stateCode = sql`case ${offerings.state} when 'Draft' then 1 when 'Active' then 2 when 'Paused' then 3 else 4 end`;
const ORDER: Record<OfferingOrder, SQL> = {
  name: asc(offerings.name),
  "-name": desc(offerings.name),
  created: asc(offerings.createdAt),
  "-created": desc(offerings.createdAt),
  state: asc(stateCode),
  "-state": desc(stateCode),
  type: asc(offerings.type),
  "-type": desc(offerings.type),
};
const orderOf = (o: OfferingFilters["ordering"]) =>
  o === undefined ? ["-created" as const] : Array.isArray(o) ? o : [o];

/** Offerings the actor may see (`actor: null` = the public: Active only), filtered and paged. */
export async function listOfferings(
  db: Executor,
  actor: Actor | null,
  filters: OfferingFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: OfferingDetails[]; total: number }> {
  const visible = await visibleOfferingsWhere(db, actor);
  const cond = and(...filterWhere(filters), visible);
  const base = () =>
    db
      .select({ id: offerings.id })
      .from(offerings)
      .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
      .leftJoin(providers, eq(providers.pk, offerings.providerPk))
      .where(cond);
  const [idRows, [{ total }]] = await Promise.all([
    base()
      .orderBy(...orderOf(filters.ordering).map((k) => ORDER[k]), asc(offerings.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: count() })
      .from(offerings)
      .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
      .leftJoin(providers, eq(providers.pk, offerings.providerPk))
      .where(cond),
  ]);
  return {
    rows: await loadOfferingDetails(
      db,
      idRows.map((r) => r.id),
    ),
    total,
  };
}

export type ActivePlanWithPrices = {
  offeringId: string;
  offeringName: string;
  offeringSlug: string;
  offeringType: string;
  organisationId: string;
  organisationName: string;
  providerId: string | null;
  categoryTitle: string;
  planId: string;
  planName: string;
  unit: string;
  /** Sum over fixed components of price × quota, as a decimal string (Waldur's unit_price). */
  unitPrice: string;
  prices: {
    componentType: string;
    componentName: string;
    measuredUnit: string;
    billingType: string;
    price: string;
    amount: number;
  }[];
};

/**
 * Non-archived plans of Active offerings with every component's price — what price calculations
 * (e.g. CloudCockpit margins) start from. Optional filters by organisation, provider or offering.
 */
export async function listActivePlansWithPrices(
  db: Executor,
  filter: { organisationId?: string; providerId?: string; offeringId?: string } = {},
): Promise<ActivePlanWithPrices[]> {
  const where: SQL[] = [eq(offerings.state, "Active")];
  if (filter.organisationId) where.push(eq(offerings.organisationId, filter.organisationId));
  if (filter.offeringId) where.push(eq(offerings.id, filter.offeringId));
  if (filter.providerId) where.push(eq(providers.id, filter.providerId));
  const ids = (
    await db
      .select({ id: offerings.id })
      .from(offerings)
      .leftJoin(providers, eq(providers.pk, offerings.providerPk))
      .where(and(...where))
      .orderBy(asc(offerings.name), asc(offerings.id))
  ).map((r) => r.id);
  const details = await loadOfferingDetails(db, ids);
  return details.flatMap((d) =>
    d.plans
      .filter((p) => !p.archived)
      .map((p) => ({
        offeringId: d.offering.id,
        offeringName: d.offering.name,
        offeringSlug: d.offering.slug,
        offeringType: d.offering.type,
        organisationId: d.organisation.id,
        organisationName: d.organisation.name,
        providerId: d.providerId,
        categoryTitle: d.category.title,
        planId: p.id,
        planName: p.name,
        unit: p.unit,
        unitPrice: planUnitPrice(d.components, p),
        prices: d.components.map((c) => {
          const pc = p.components.find((x) => x.componentId === c.id);
          return {
            componentType: c.type,
            componentName: c.name,
            measuredUnit: c.measuredUnit,
            billingType: c.billingType,
            price: pc?.price ?? "0",
            amount: pc?.amount ?? 0,
          };
        }),
      })),
  );
}

/** Sums `price × amount` over the components of the given billing types, exactly (10 decimals). */
export function planSum(
  components: OfferingComponentRow[],
  plan: PlanDetails,
  billingTypes: string[],
  withAmount: boolean,
): string {
  const SCALE = 10n ** 10n;
  let total = 0n;
  for (const c of components) {
    if (!billingTypes.includes(c.billingType)) continue;
    const pc = plan.components.find((x) => x.componentId === c.id);
    if (!pc) continue;
    const [i, f = ""] = pc.price.split(".");
    const scaled = BigInt(i) * SCALE + BigInt((f + "0000000000").slice(0, 10));
    total += scaled * BigInt(withAmount ? pc.amount : 1);
  }
  const frac = (total % SCALE).toString().padStart(10, "0");
  return `${total / SCALE}.${frac}`;
}

export const planUnitPrice = (components: OfferingComponentRow[], plan: PlanDetails) =>
  planSum(components, plan, ["fixed"], true);

export async function listOfferingUsers(db: Executor, offeringId: string) {
  return db
    .select({ role: offeringUserRoles, user: users })
    .from(offeringUserRoles)
    .innerJoin(users, eq(users.id, offeringUserRoles.userId))
    .where(eq(offeringUserRoles.offeringId, offeringId))
    .orderBy(asc(offeringUserRoles.createdAt));
}

export type OfferingUserFilter = {
  userId?: string;
  role?: string;
  username?: string;
  fullName?: string;
  /** Name or e-mail contains. */
  search?: string;
};
export type OfferingUserOrder = "created" | "expiration_time" | "username" | "full_name" | "email" | "role";
const OFFERING_USER_ORDER: Record<OfferingUserOrder, SQL | Column> = {
  created: offeringUserRoles.createdAt,
  expiration_time: offeringUserRoles.expirationTime,
  username: users.username,
  full_name: users.name,
  email: users.email,
  role: offeringUserRoles.role,
};

/** One page of who holds a role on the offering (Waldur's list_users/), filtered and ordered, with the total. */
export async function findOfferingUsers(
  db: Executor,
  offeringId: string,
  f: OfferingUserFilter,
  ordering: (OfferingUserOrder | `-${OfferingUserOrder}`)[] = [],
  page: { limit: number; offset: number },
) {
  const cond = and(
    eq(offeringUserRoles.offeringId, offeringId),
    f.userId ? eq(offeringUserRoles.userId, f.userId) : undefined,
    f.role ? sql`${offeringUserRoles.role}::text = ${f.role}` : undefined,
    f.username ? eq(users.username, f.username) : undefined,
    f.fullName ? ilike(users.name, like(f.fullName)) : undefined,
    f.search ? or(ilike(users.name, like(f.search)), ilike(users.email, like(f.search))) : undefined,
  );
  const order = ordering.map((k) =>
    k.startsWith("-")
      ? desc(OFFERING_USER_ORDER[k.slice(1) as OfferingUserOrder])
      : asc(OFFERING_USER_ORDER[k as OfferingUserOrder]),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ role: offeringUserRoles, user: users })
      .from(offeringUserRoles)
      .innerJoin(users, eq(users.id, offeringUserRoles.userId))
      .where(cond)
      .orderBy(...order, asc(offeringUserRoles.createdAt), asc(offeringUserRoles.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ total: count() })
      .from(offeringUserRoles)
      .innerJoin(users, eq(users.id, offeringUserRoles.userId))
      .where(cond),
  ]);
  return { rows, total };
}

export async function listOfferingDrafts(db: Executor, ownerId: string) {
  return db
    .select()
    .from(offeringDrafts)
    .where(eq(offeringDrafts.ownerId, ownerId))
    .orderBy(desc(offeringDrafts.updatedAt));
}

export async function findOfferingDraft(db: Executor, ownerId: string, id: string) {
  const [row] = await db
    .select()
    .from(offeringDrafts)
    .where(and(eq(offeringDrafts.ownerId, ownerId), eq(offeringDrafts.id, id)));
  return row;
}

export async function findPlanOfferingId(db: Executor, planId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ offeringId: offeringPlans.offeringId })
    .from(offeringPlans)
    .where(eq(offeringPlans.id, planId));
  return row?.offeringId;
}
