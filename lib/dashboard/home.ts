import { and, count, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import {
  apiTokens,
  offerings,
  organisationMembers,
  providers,
  registrationRequests,
  welcomeOutbox,
} from "@/drizzle/schema";
import { getProvider, readableProjects } from "@/lib/accounting/access";
import { reportableProviders } from "@/lib/accounting/portal-queries";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { managedBy } from "@/lib/providers/queries";
import { listRegistrations, registrationState } from "@/lib/registration/queries";
import { tokenStatus } from "@/lib/tokens/queries";
import { usageThisMonth, type MetricThisMonth } from "./usage-this-month";

export type HomeKind = "provider" | "federation" | "support" | "member";
export type NextStep = { key: string; label: string; href: string; tone: "red" | "amber" | "blue" };
export type WelcomeState = "delivered" | "failing" | "pending" | "none";
export type HomeProvider = {
  id: string;
  name: string;
  source: string;
  registration: string | null;
  welcome: WelcomeState;
  welcomeError: string | null;
};
export type OfferingStateCount = { state: string; count: number; next: { label: string; href: string } | null };
export type HomeToken = { id: string; name: string; prefix: string; expiresAt: string | null; expiresSoon: boolean };
export type Home = {
  kind: HomeKind;
  today: string;
  nextSteps: NextStep[];
  providers: HomeProvider[];
  offerings: OfferingStateCount[];
  usage: MetricThisMonth[];
  tokens: HomeToken[];
  queue: { id: string; name: string; specId: string; state: string; createdAt: string }[];
  projects: { providerId: string; providerName: string; projectId: string }[];
};

const SOON_DAYS = 14;
const NEXT_BY_STATE: Record<string, { label: string; href: string } | null> = {
  Draft: { label: "Activate a draft", href: "/offerings?state=Draft" },
  Paused: { label: "Resume or archive", href: "/offerings?state=Paused" },
  Active: { label: "See them in the catalogue", href: "/catalogue" },
  Archived: null,
};

/** Which home someone gets: staff by role, anyone who manages a provider the provider home, else the member home. */
function kindOf(actor: Actor, managesProviders: boolean): HomeKind {
  if (actor.role === "admin") return "federation";
  if (actor.role === "support") return "support";
  return managesProviders ? "provider" : "member";
}

/** "What should I do now?" for one person: their providers, offerings, usage, tokens, queue — by what they are. */
export async function homeFor(db: Executor, actor: Actor, now = new Date()): Promise<Home> {
  const today = now.toISOString().slice(0, 10);
  const staff = actor.role === "admin" || actor.role === "support";
  const mine = managedBy(actor.id);
  const providerRows = await db
    .select({ pk: providers.pk, id: providers.id, name: providers.name, source: providers.source })
    .from(providers)
    .where(staff ? undefined : mine)
    .orderBy(staff ? desc(providers.createdAt) : providers.name)
    .limit(staff ? 5 : 50);
  const kind = kindOf(actor, !staff && providerRows.length > 0);
  const managedOrgs = sql`select ${organisationMembers.organisationId} from ${organisationMembers}
    where ${organisationMembers.userId} = ${actor.id} and ${organisationMembers.role} in ('owner', 'manager')`;
  const [provs, offeringCounts, usage, tokens, queue, projects] = await Promise.all([
    providerStates(db, providerRows),
    kind === "member"
      ? Promise.resolve([])
      : db
          .select({ state: offerings.state, n: count() })
          .from(offerings)
          .where(
            staff
              ? undefined
              : or(
                  sql`${offerings.organisationId} in (${managedOrgs})`,
                  sql`${offerings.providerPk} in (select ${providers.pk} from ${providers} where ${mine})`,
                ),
          )
          .groupBy(offerings.state),
    kind === "member"
      ? Promise.resolve([])
      : usageThisMonth(
          db,
          staff ? sql`true` : sql`p.pk in (select ${providers.pk} from ${providers} where ${mine})`,
          today,
        ),
    db
      .select()
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.userId, actor.id),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      )
      .orderBy(apiTokens.expiresAt),
    staff ? listRegistrations(db, { state: "signed", page: 1, size: 10 }) : Promise.resolve(null),
    kind === "member" ? memberProjects(db, actor) : Promise.resolve([]),
  ]);
  const soon = new Date(now.getTime() + SOON_DAYS * 86_400_000);
  const homeTokens = tokens
    .filter((t) => tokenStatus(t, now) === "active")
    .map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      expiresAt: t.expiresAt?.toISOString() ?? null,
      expiresSoon: !!t.expiresAt && t.expiresAt <= soon,
    }));
  const offeringStates = ["Draft", "Active", "Paused", "Archived"].map((state) => ({
    state,
    count: offeringCounts.find((o) => o.state === state)?.n ?? 0,
    next: NEXT_BY_STATE[state],
  }));
  const home: Home = {
    kind,
    today,
    nextSteps: [],
    providers: provs,
    offerings: kind === "member" ? [] : offeringStates,
    usage,
    tokens: homeTokens,
    queue: (queue?.items ?? []).map((r) => ({
      id: r.id,
      name: r.name || r.specId,
      specId: r.specId,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
    })),
    projects,
  };
  home.nextSteps = nextSteps(home, queue?.total ?? 0);
  return home;
}

/** Each provider's registration (its latest request) and welcome delivery (its latest message). */
async function providerStates(
  db: Executor,
  rows: { pk: string; id: string; name: string; source: string }[],
): Promise<HomeProvider[]> {
  if (!rows.length) return [];
  const pks = rows.map((r) => r.pk);
  const [regs, welcomes] = await Promise.all([
    db
      .selectDistinctOn([registrationRequests.providerPk], {
        providerPk: registrationRequests.providerPk,
        status: registrationRequests.status,
        expiresAt: registrationRequests.expiresAt,
      })
      .from(registrationRequests)
      .where(inArray(registrationRequests.providerPk, pks))
      .orderBy(registrationRequests.providerPk, desc(registrationRequests.createdAt)),
    db
      .selectDistinctOn([welcomeOutbox.providerPk], {
        providerPk: welcomeOutbox.providerPk,
        status: welcomeOutbox.status,
        attempts: welcomeOutbox.attempts,
        lastError: welcomeOutbox.lastError,
      })
      .from(welcomeOutbox)
      .where(inArray(welcomeOutbox.providerPk, pks))
      .orderBy(welcomeOutbox.providerPk, desc(welcomeOutbox.createdAt)),
  ]);
  return rows.map((p) => {
    const reg = regs.find((r) => r.providerPk === p.pk);
    const w = welcomes.find((x) => x.providerPk === p.pk);
    const welcome: WelcomeState = !w
      ? "none"
      : w.status === "delivered"
        ? "delivered"
        : w.status === "failed" || w.attempts > 0
          ? "failing"
          : "pending";
    return {
      id: p.id,
      name: p.name || p.id,
      source: p.source,
      registration: reg ? registrationState(reg) : null,
      welcome,
      welcomeError: welcome === "failing" ? (w?.lastError ?? null) : null,
    };
  });
}

/** The projects a member may read usage reports of, per provider. */
async function memberProjects(db: Executor, actor: Actor): Promise<Home["projects"]> {
  const out: Home["projects"] = [];
  for (const p of await reportableProviders(db, actor)) {
    const readable = await readableProjects(db, actor, await getProvider(db, p.id));
    for (const projectId of readable ?? p.projects) out.push({ providerId: p.id, providerName: p.name, projectId });
  }
  return out;
}

/** What to do next, most urgent first, from what the home already holds. */
export function nextSteps(h: Omit<Home, "nextSteps">, awaitingApproval: number): NextStep[] {
  const steps: NextStep[] = [];
  const enc = encodeURIComponent;
  if (h.kind === "federation" && awaitingApproval > 0)
    steps.push({
      key: "approve",
      label: `Decide ${awaitingApproval} signed registration(s)`,
      href: "/approvals",
      tone: "amber",
    });
  if (h.kind === "support" && awaitingApproval > 0)
    steps.push({
      key: "queue",
      label: `${awaitingApproval} registration(s) wait for an admin`,
      href: "/approvals",
      tone: "blue",
    });
  for (const p of h.providers.filter((x) => x.welcome === "failing"))
    steps.push({
      key: `welcome:${p.id}`,
      label: h.kind === "provider" ? `Fix the failing welcome of ${p.name}` : `Welcome of ${p.name} is failing`,
      href: `/providers/${enc(p.id)}?tab=registration`,
      tone: "red",
    });
  for (const u of h.usage.filter((m) => m.usagePercentage !== null && m.usagePercentage > 100))
    steps.push({
      key: `capacity:${u.metricName}`,
      label: `${u.metricName} is past its capacity (${u.usagePercentage} % of the period's budget)`,
      href: "/usage/dashboard",
      tone: "red",
    });
  const drafts = h.offerings.find((o) => o.state === "Draft")?.count ?? 0;
  if (h.kind === "provider" && drafts > 0)
    steps.push({
      key: "drafts",
      label: `Activate ${drafts} draft offering(s)`,
      href: "/offerings?state=Draft",
      tone: "blue",
    });
  for (const t of h.tokens.filter((x) => x.expiresSoon))
    steps.push({
      key: `token:${t.id}`,
      label: `Token ${t.name} expires ${t.expiresAt!.slice(0, 10)}: make a new one`,
      href: "/tokens",
      tone: "amber",
    });
  if (h.kind === "provider" && h.offerings.every((o) => o.count === 0))
    steps.push({ key: "offering", label: "Describe your first offering", href: "/offerings/new", tone: "blue" });
  if (h.kind === "member" && h.projects.length === 0)
    steps.push({ key: "catalogue", label: "Browse the catalogue for a service", href: "/catalogue", tone: "blue" });
  return steps;
}
