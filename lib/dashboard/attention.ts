import { and, count, countDistinct, eq, inArray, min, or, sql, type SQL } from "drizzle-orm";
import { offerings, organisationMembers, providers, welcomeOutbox } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { awaitingApprovalCount } from "@/lib/registration/queries";

export type AttentionItem = { key: string; label: string; count: number; href: string; tone: "red" | "amber" | "blue" };

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * What needs someone's attention now: federation staff see the whole federation, a provider admin
 * the organisations they own or manage. Items with nothing to do are left out.
 */
export async function attentionItems(db: Executor, actor: Actor): Promise<AttentionItem[]> {
  const staff = actor.role === "admin" || actor.role === "support";
  const orgIds = staff
    ? null
    : (
        await db
          .select({ id: organisationMembers.organisationId })
          .from(organisationMembers)
          .where(and(eq(organisationMembers.userId, actor.id), inArray(organisationMembers.role, ["owner", "manager"])))
      ).map((r) => r.id);
  if (orgIds && orgIds.length === 0) return [];

  const ownProviders: SQL | undefined = orgIds
    ? or(inArray(providers.organisationId, orgIds), eq(providers.ownerUserId, actor.id))
    : undefined;
  const [[failed], [drafts], approvals, overCapacity] = await Promise.all([
    db
      .select({ n: count(), providers: countDistinct(providers.id), first: min(providers.id) })
      .from(welcomeOutbox)
      .innerJoin(providers, eq(providers.pk, welcomeOutbox.providerPk))
      .where(
        and(
          or(
            eq(welcomeOutbox.status, "failed"),
            sql`${welcomeOutbox.status} = 'pending' and ${welcomeOutbox.attempts} > 0`,
          ),
          ownProviders,
        ),
      ),
    db
      .select({ n: count() })
      .from(offerings)
      .where(and(eq(offerings.state, "Draft"), orgIds ? inArray(offerings.organisationId, orgIds) : undefined)),
    staff ? awaitingApprovalCount(db) : Promise.resolve(0),
    metricsOverCapacity(db, orgIds, actor.id),
  ]);
  const items: AttentionItem[] = [
    { key: "approvals", label: "Registrations awaiting approval", count: approvals, href: "/approvals", tone: "amber" },
    {
      key: "deliveries",
      label: "Welcome deliveries failing",
      count: failed.n,
      href: deliveriesHref(failed),
      tone: "red",
    },
    { key: "drafts", label: "Offerings in Draft", count: drafts.n, href: "/offerings?state=Draft", tone: "blue" },
    {
      key: "capacity",
      label: "Metrics past their capacity (capacity period so far)",
      count: overCapacity,
      href: "/usage/dashboard",
      tone: "red",
    },
  ];
  return items.filter((i) => i.count > 0);
}

/** One provider failing: straight to its Registration tab; several: the registered providers. */
const deliveriesHref = (f: { providers: number; first: string | null }) =>
  f.providers === 1 && f.first
    ? `/providers/${encodeURIComponent(f.first)}?tab=registration`
    : "/providers?source=registration";

/**
 * (installation, metric) pairs past their capacity: a capacity is a budget for its capacity period
 * (from its registered_on until the next one), so the usage since it was registered counts, not a month's.
 */
async function metricsOverCapacity(db: Executor, orgIds: string[] | null, userId: string): Promise<number> {
  const scope = orgIds
    ? sql`and (p.organisation_id in (${sql.join(
        orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) or p.owner_user_id = ${userId}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    with current_capacity as (
      select distinct on (c.installation_pk, c.metric_pk) c.installation_pk, c.metric_pk, c.value, c.registered_on
      from installation_capacities c
      where c.registered_on <= current_date
      order by c.installation_pk, c.metric_pk, c.registered_on desc
    )
    select count(*)::int as n
    from current_capacity cc
    join installations i on i.pk = cc.installation_pk
    join providers p on p.id = i.provider_id
    where cc.value > 0 ${scope}
      and (select sum(d.value) from usage_daily d
           where d.installation_pk = cc.installation_pk and d.metric_pk = cc.metric_pk
             and d.day >= cc.registered_on and d.day <= current_date) > cc.value`);
  return Number(rows<{ n: number }>(result)[0]?.n ?? 0);
}
