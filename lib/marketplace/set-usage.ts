import { and, eq, sql } from "drizzle-orm";
import { componentUsages, installations, marketplaceResources, usageRecords } from "@/drizzle/schema";
import { withRollup } from "@/lib/accounting/usage-rollup";
import { sqlRows } from "@/lib/accounting/sql-rows";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError, forbidden, notFound, type FieldErrors } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { offeringAccess } from "@/lib/offerings/access";
import { toUuid } from "@/lib/offerings/refs";
import { projectAccess } from "./access";
import { ensureComponentMetrics } from "./component-metrics";
import { getOfferingRow, getProjectRow } from "./load";
import { setUsageInput } from "./schemas";
import { billingPeriodOf, periodEnd } from "./usage-period";

export type SetUsageResult = { period: string; changed: number; unchanged: number };

/**
 * Waldur's `set_usage`: the offering's managers (the site agent) set each component's usage of a resource for the
 * billing period of `date` (default now). The amount is one ARGO usage record of the resource's installation and
 * the component's metric, over [period start, date] — what the reports and charts read. Sending it again replaces
 * that record (never adds a second); sending the same amount for the same moment changes nothing.
 */
export async function setComponentUsage(ctx: ServiceContext, input: unknown): Promise<SetUsageResult> {
  const actor = requireUser(ctx.actor);
  const data = parseWith(setUsageInput, input);
  if (!data.resource)
    throw new AppError("validation", "Invalid resource.", {
      resource: [
        data.plan_period
          ? "Portico keeps no plan periods: send the resource's uuid (the period is the month of `date`)."
          : "This field is required.",
      ],
    });
  const at = data.date ? new Date(data.date) : new Date();
  const period = billingPeriodOf(at);
  const start = new Date(`${period}T00:00:00Z`);
  const end = new Date(Math.min(Math.max(at.getTime(), start.getTime()), periodEnd(period).getTime()));
  const resourceId = toUuid(data.resource)!;
  return ctx.db.transaction(async (tx) => {
    const [resource] = await tx
      .select()
      .from(marketplaceResources)
      .where(eq(marketplaceResources.id, resourceId))
      .for("update");
    if (!resource) throw notFound("Resource");
    const offering = await getOfferingRow(tx, resource.offeringId);
    const [installation] = await tx.select().from(installations).where(eq(installations.pk, resource.installationPk));
    const provider = await offeringAccess(tx, actor, offering);
    if (!provider.manage) {
      const consumer = await projectAccess(tx, actor, await getProjectRow(tx, installation.projectId));
      throw consumer.read ? forbidden("Only the offering's managers report usage.") : notFound("Resource");
    }
    if (resource.state === "Terminated")
      throw new AppError("conflict", "Usage cannot be reported for a terminated resource.");
    const metrics = await ensureComponentMetrics(tx, offering, actor.id);
    const errors: FieldErrors = {};
    data.usages.forEach((u, i) => {
      if (!metrics.some((m) => m.type === u.type))
        errors[`usages.${i}.type`] = [`The offering has no component ${u.type}.`];
    });
    const types = data.usages.map((u) => u.type);
    types.forEach((t, i) => {
      if (types.indexOf(t) !== i) errors[`usages.${i}.type`] = [`Component ${t} is listed twice.`];
    });
    if (Object.keys(errors).length) throw new AppError("validation", "Invalid usages.", errors);

    let changed = 0;
    for (const u of data.usages) {
      const metric = metrics.find((m) => m.type === u.type)!;
      const [existing] = await tx
        .select({ usage: componentUsages, value: usageRecords.value, end: usageRecords.timePeriodEnd })
        .from(componentUsages)
        .leftJoin(usageRecords, eq(usageRecords.id, componentUsages.usageRecordId))
        .where(
          and(
            eq(componentUsages.resourceId, resource.id),
            eq(componentUsages.componentId, metric.componentId),
            eq(componentUsages.billingPeriod, period),
          ),
        );
      const sameEnd = existing?.end != null && existing.end.getTime() === end.getTime();
      if (
        existing &&
        existing.value === u.amount &&
        sameEnd &&
        existing.usage.description === u.description &&
        existing.usage.recurring === u.recurring
      )
        continue;
      if (existing?.usage.usageRecordId != null)
        await sqlRows(
          tx,
          withRollup(
            sql`delete from usage_records where id = ${existing.usage.usageRecordId}
              returning installation_pk, metric_pk, time_period_start as s, time_period_end as e, value as v`,
            -1,
          ),
        );
      const [inserted] = await sqlRows<{ id: number }>(
        tx,
        sql`insert into usage_records (installation_pk, metric_pk, time_period_start, time_period_end, value)
          values (${installation.pk}, ${metric.metricPk}, ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, ${u.amount})
          on conflict do nothing
          returning id`,
      );
      if (!inserted)
        throw new AppError(
          "conflict",
          `Usage of ${u.type} for this period was already sent as an ARGO record; change it there.`,
        );
      await sqlRows(
        tx,
        withRollup(
          sql`select installation_pk, metric_pk, time_period_start as s, time_period_end as e, value as v
            from usage_records where id = ${Number(inserted.id)}`,
          1,
        ),
      );
      const values = {
        usageRecordId: Number(inserted.id),
        description: u.description,
        recurring: u.recurring,
        date: at,
        modifiedBy: actor.id,
      };
      if (existing) await tx.update(componentUsages).set(values).where(eq(componentUsages.id, existing.usage.id));
      else
        await tx
          .insert(componentUsages)
          .values({ resourceId: resource.id, componentId: metric.componentId, billingPeriod: period, ...values });
      changed++;
    }
    const result = { period, changed, unchanged: data.usages.length - changed };
    if (changed)
      await recordAudit(tx, ctx, {
        action: "usage.set",
        entityType: "resource",
        entityId: resource.id,
        summary: { ...result, usages: data.usages.map((u) => ({ type: u.type, amount: u.amount })) },
      });
    return result;
  });
}
