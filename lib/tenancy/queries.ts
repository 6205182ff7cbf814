import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import {
  customerProviderInstances,
  providerInstances,
  providers,
  resellers,
  tenantCustomers,
  tenantMembers,
  tenants,
  users,
  type CustomerProviderInstanceRow,
  type ProviderInstanceRow,
  type ResellerRow,
  type TenantCustomerRow,
  type TenantRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";
import { tenantAccess, type TenantAccess } from "./access";

export type TenantSummary = TenantRow & { role: "csp" | "reseller" | "viewer"; customers: number };

/** Tenants the actor may open: all for admins and support, else those where they hold a role. */
export async function listTenantsFor(db: Executor, actor: Actor): Promise<TenantSummary[]> {
  const all = actor.role === "admin" || actor.role === "support";
  const memberships = await db.select().from(tenantMembers).where(eq(tenantMembers.userId, actor.id));
  const roleOf = new Map(memberships.map((m) => [m.tenantId, m.role]));
  const ids = [...roleOf.keys()];
  if (!all && !ids.length) return [];
  const rows = await db
    .select()
    .from(tenants)
    .where(all ? undefined : inArray(tenants.id, ids))
    .orderBy(asc(tenants.name));
  // Counted apart (a correlated subquery in a one-table select loses its table prefix and counts nothing),
  // and as the tenant page counts them: a reseller sees its own customers only.
  const counts = rows.length
    ? await db
        .select({ tenantId: tenantCustomers.tenantId, resellerId: tenantCustomers.resellerId, n: count() })
        .from(tenantCustomers)
        .where(
          inArray(
            tenantCustomers.tenantId,
            rows.map((t) => t.id),
          ),
        )
        .groupBy(tenantCustomers.tenantId, tenantCustomers.resellerId)
    : [];
  const resellerOf = new Map(memberships.filter((m) => m.role === "reseller").map((m) => [m.tenantId, m.resellerId]));
  const customersOf = (tenantId: string) =>
    counts
      .filter(
        (c) =>
          c.tenantId === tenantId &&
          (actor.role === "admin" || !resellerOf.has(tenantId) || c.resellerId === resellerOf.get(tenantId)),
      )
      .reduce((sum, c) => sum + c.n, 0);
  return rows.map((tenant) => ({
    ...tenant,
    customers: customersOf(tenant.id),
    role: actor.role === "admin" ? "csp" : (roleOf.get(tenant.id) ?? "viewer"),
  }));
}

export async function listTenantMembers(db: Executor, tenantId: string) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      email: users.email,
      name: users.name,
      role: tenantMembers.role,
      resellerId: tenantMembers.resellerId,
      resellerName: resellers.name,
      createdAt: tenantMembers.createdAt,
    })
    .from(tenantMembers)
    .innerJoin(users, eq(users.id, tenantMembers.userId))
    .leftJoin(resellers, eq(resellers.id, tenantMembers.resellerId))
    .where(eq(tenantMembers.tenantId, tenantId))
    .orderBy(asc(tenantMembers.role), asc(users.username));
}

export async function listResellers(db: Executor, access: TenantAccess): Promise<ResellerRow[]> {
  const scope =
    access.role === "reseller"
      ? and(eq(resellers.tenantId, access.tenant.id), eq(resellers.id, access.resellerId!))
      : eq(resellers.tenantId, access.tenant.id);
  return db.select().from(resellers).where(scope).orderBy(asc(resellers.name));
}

export async function findReseller(db: Executor, tenantId: string, id: string): Promise<ResellerRow | undefined> {
  const [row] = await db
    .select()
    .from(resellers)
    .where(and(eq(resellers.tenantId, tenantId), eq(resellers.id, id)));
  return row;
}

export type CustomerListRow = TenantCustomerRow & { resellerName: string | null; providerInstances: number };

/** The tenant's customers a csp sees (optionally one reseller's), or a reseller's own. */
export async function listCustomers(
  db: Executor,
  access: TenantAccess,
  opts: { resellerId?: string | null } = {},
): Promise<CustomerListRow[]> {
  const conds = [eq(tenantCustomers.tenantId, access.tenant.id)];
  const reseller = access.role === "reseller" ? access.resellerId : opts.resellerId;
  if (reseller) conds.push(eq(tenantCustomers.resellerId, reseller));
  const rows = await db
    .select({
      customer: tenantCustomers,
      resellerName: resellers.name,
      links: sql<number>`(select count(*)::int from ${customerProviderInstances} l where l.customer_id = ${tenantCustomers.id})`,
    })
    .from(tenantCustomers)
    .leftJoin(resellers, eq(resellers.id, tenantCustomers.resellerId))
    .where(and(...conds))
    .orderBy(asc(tenantCustomers.name), asc(tenantCustomers.createdAt));
  return rows.map((r) => ({ ...r.customer, resellerName: r.resellerName, providerInstances: Number(r.links) }));
}

/** One customer the actor may see in this tenant; a reseller's view stops at its own customers (404 otherwise). */
export async function getCustomer(db: Executor, access: TenantAccess, customerId: string): Promise<TenantCustomerRow> {
  const [row] = await db
    .select()
    .from(tenantCustomers)
    .where(and(eq(tenantCustomers.tenantId, access.tenant.id), eq(tenantCustomers.id, customerId)));
  if (!row || (access.role === "reseller" && row.resellerId !== access.resellerId)) throw notFound("Customer");
  return row;
}

export type ProviderInstanceListRow = ProviderInstanceRow & {
  providerId: string | null;
  providerName: string | null;
  customers: number;
};

/** A tenant's provider instances; `customers` counts those the viewer sees (a reseller: its own). */
export async function listProviderInstances(
  db: Executor,
  tenantId: string,
  resellerId: string | null = null,
): Promise<ProviderInstanceListRow[]> {
  const ofReseller = resellerId
    ? sql` and exists (select 1 from ${tenantCustomers} c where c.id = l.customer_id and c.reseller_id = ${resellerId})`
    : sql``;
  const rows = await db
    .select({
      instance: providerInstances,
      providerId: providers.id,
      providerName: providers.name,
      customers: sql<number>`(select count(*)::int from ${customerProviderInstances} l where l.provider_instance_id = ${providerInstances.id}${ofReseller})`,
    })
    .from(providerInstances)
    .leftJoin(providers, eq(providers.pk, providerInstances.providerPk))
    .where(eq(providerInstances.tenantId, tenantId))
    .orderBy(asc(providerInstances.name));
  return rows.map((r) => ({
    ...r.instance,
    providerId: r.providerId,
    providerName: r.providerName,
    customers: Number(r.customers),
  }));
}

export async function findProviderInstance(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<ProviderInstanceRow | undefined> {
  const [row] = await db
    .select()
    .from(providerInstances)
    .where(and(eq(providerInstances.tenantId, tenantId), eq(providerInstances.id, id)));
  return row;
}

export type CustomerProviderInstanceView = CustomerProviderInstanceRow & {
  instanceName: string;
  instanceType: ProviderInstanceRow["type"];
  providerPk: string | null;
  providerId: string | null;
  providerName: string | null;
};

const linkColumns = {
  link: customerProviderInstances,
  instanceName: providerInstances.name,
  instanceType: providerInstances.type,
  providerPk: providerInstances.providerPk,
  providerId: providers.id,
  providerName: providers.name,
};

function toView(r: {
  link: CustomerProviderInstanceRow;
  instanceName: string;
  instanceType: ProviderInstanceRow["type"];
  providerPk: string | null;
  providerId: string | null;
  providerName: string | null;
}): CustomerProviderInstanceView {
  return {
    ...r.link,
    instanceName: r.instanceName,
    instanceType: r.instanceType,
    providerPk: r.providerPk,
    providerId: r.providerId,
    providerName: r.providerName,
  };
}

export async function listCustomerProviderInstances(
  db: Executor,
  customerId: string,
): Promise<CustomerProviderInstanceView[]> {
  const rows = await db
    .select(linkColumns)
    .from(customerProviderInstances)
    .innerJoin(providerInstances, eq(providerInstances.id, customerProviderInstances.providerInstanceId))
    .leftJoin(providers, eq(providers.pk, providerInstances.providerPk))
    .where(eq(customerProviderInstances.customerId, customerId))
    .orderBy(asc(providerInstances.name));
  return rows.map(toView);
}

export async function findCustomerProviderInstance(
  db: Executor,
  customerId: string,
  providerInstanceId: string,
): Promise<CustomerProviderInstanceView | undefined> {
  const [row] = await db
    .select(linkColumns)
    .from(customerProviderInstances)
    .innerJoin(providerInstances, eq(providerInstances.id, customerProviderInstances.providerInstanceId))
    .leftJoin(providers, eq(providers.pk, providerInstances.providerPk))
    .where(
      and(
        eq(customerProviderInstances.customerId, customerId),
        eq(customerProviderInstances.providerInstanceId, providerInstanceId),
      ),
    );
  return row && toView(row);
}

/** A tenant's members, for its csps, admins and support. */
export async function readTenantMembers(db: Executor, actor: Actor | null, domain: string) {
  const access = await tenantAccess(db, actor, domain);
  if (access.role === "reseller") throw forbidden("Only a csp of this tenant may see its members.");
  return { access, members: await listTenantMembers(db, access.tenant.id) };
}

/** Providers registered in Portico that a portico-type instance may link to. */
export async function listLinkableProviders(db: Executor) {
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .orderBy(asc(sql`lower(${providers.name})`), asc(providers.id))
    .limit(1000);
}
