import { eq, inArray, sql } from "drizzle-orm";
import { metricDefinitions, providers, type InstallationRow } from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { emitEvent } from "@/lib/notifications/emit-event";
import { sqlRows } from "./sql-rows";

type Period = { capacity_id: string; value: number; registered_on: string; until: string | null; used: number };

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * After usage of an installation was stored (in the same transaction): each capacity period of the touched
 * metrics that overlaps the days `[from, to]` and whose usage now exceeds its capacity raises
 * `usage.over_capacity` — once per (installation, metric, capacity period), kept by the event's unique
 * dedupe key in PostgreSQL, so a later batch, a retry or another process never raises it again.
 */
export async function raiseOverCapacity(
  tx: Executor,
  ctx: Pick<ServiceContext, "actor" | "correlationId">,
  inst: InstallationRow,
  metricPks: number[],
  days: { from: string; to: string },
): Promise<number> {
  const pks = [...new Set(metricPks)];
  if (!pks.length) return 0;
  let raised = 0;
  for (const metricPk of pks) {
    const over = await sqlRows<Period>(
      tx,
      sql`with caps as (
        select c.id as capacity_id, c.value, c.registered_on,
          lead(c.registered_on) over (order by c.registered_on) as until
        from installation_capacities c
        where c.installation_pk = ${inst.pk} and c.metric_pk = ${metricPk}
      )
      select caps.capacity_id, caps.value, caps.registered_on::text as registered_on, caps.until::text as until,
        coalesce((select sum(d.value) from usage_daily d
          where d.installation_pk = ${inst.pk} and d.metric_pk = ${metricPk}
            and d.day >= caps.registered_on and (caps.until is null or d.day < caps.until)), 0)::float8 as used
      from caps
      where caps.registered_on <= ${days.to}::date and (caps.until is null or caps.until > ${days.from}::date)`,
    );
    const exceeded = over.filter((p) => Number(p.used) > Number(p.value));
    if (!exceeded.length) continue;
    const [metric] = await tx.select().from(metricDefinitions).where(eq(metricDefinitions.pk, metricPk));
    const [provider] = await tx
      .select()
      .from(providers)
      .where(inArray(providers.id, [inst.providerId]));
    for (const p of exceeded) {
      const period = `from ${p.registered_on}${p.until ? ` until ${p.until}` : ""}`;
      const event = await emitEvent(tx, ctx, {
        kind: "usage.over_capacity",
        subject: { type: "installation", id: inst.id },
        organisationId: provider?.organisationId ?? null,
        title: `Over capacity: ${metric.metricName} on ${inst.installation}`,
        body: `The installation ${inst.installation} (${inst.infrastructure}, project ${inst.projectId}) used ${round(Number(p.used))} ${metric.unitType} of ${metric.metricName} in the capacity period ${period}; its capacity is ${round(Number(p.value))}.`,
        link: `/providers/${encodeURIComponent(inst.providerId)}?tab=usage`,
        data: {
          installationId: inst.id,
          providerId: inst.providerId,
          projectId: inst.projectId,
          metricDefinitionId: metric.id,
          metricName: metric.metricName,
          unitType: metric.unitType,
          capacityId: p.capacity_id,
          capacity: Number(p.value),
          used: round(Number(p.used)),
          periodStart: p.registered_on,
          periodEnd: p.until,
        },
        audience: { providerPk: provider?.pk ?? null },
        dedupeKey: `usage.over_capacity:${inst.id}:${metric.id}:${p.registered_on}`,
      });
      if (event) raised++;
    }
  }
  return raised;
}
