import { and, count, eq, gte, isNull, or, gt, sql } from "drizzle-orm";
import { apiTokens, auditEvents, organisations, users } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";

export type DashboardCount = { label: string; value: number; href?: string };

/** Headline numbers for the dashboard; federation staff see the whole federation, others their own. */
export async function dashboardCounts(db: Executor, actor: Actor): Promise<DashboardCount[]> {
  const activeToken = and(
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
  );
  const [[mine]] = await Promise.all([
    db
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.id), activeToken)),
  ]);
  const out: DashboardCount[] = [{ label: "Your active API tokens", value: mine.n, href: "/tokens" }];
  if (actor.role === "admin" || actor.role === "support") {
    const [[u], [svc], [o], [a]] = await Promise.all([
      db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.isActive, true), eq(users.kind, "human"))),
      db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.isActive, true), eq(users.kind, "service"))),
      db.select({ n: count() }).from(organisations),
      db
        .select({ n: count() })
        .from(auditEvents)
        .where(gte(auditEvents.at, sql`now() - interval '24 hours'`)),
    ]);
    out.push(
      { label: "Active people", value: u.n, href: "/users?kind=human&active=true" },
      { label: "Service accounts", value: svc.n, href: "/users?kind=service" },
      { label: "Organisations", value: o.n },
      { label: "Audit events (24 h)", value: a.n, href: "/audit" },
    );
  }
  return out;
}
