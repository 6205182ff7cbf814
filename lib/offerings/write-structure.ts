import { and, eq, inArray, notInArray } from "drizzle-orm";
import { offeringComponents, offeringPlans, planComponents } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { toUuid } from "./refs";
import type { ComponentInput, PlanInput } from "./schemas";

const componentValues = (c: ComponentInput, position: number) => ({
  position,
  type: c.type,
  name: c.name,
  description: c.description,
  measuredUnit: c.measured_unit,
  billingType: c.billing_type,
  limitPeriod: c.limit_period,
  limitAmount: c.limit_amount,
  articleCode: c.article_code,
  maxValue: c.max_value,
  minValue: c.min_value,
  maxAvailableLimit: c.max_available_limit,
  isBoolean: c.is_boolean,
  defaultLimit: c.default_limit,
  unitFactor: c.unit_factor,
});

/** Components are kept by type (their uuids survive an edit); components not listed are removed. */
export async function writeComponents(tx: Executor, offeringId: string, components: ComponentInput[]): Promise<void> {
  const types = components.map((c) => c.type);
  await tx
    .delete(offeringComponents)
    .where(
      and(
        eq(offeringComponents.offeringId, offeringId),
        types.length ? notInArray(offeringComponents.type, types) : undefined,
      ),
    );
  for (const [i, c] of components.entries()) {
    await tx
      .insert(offeringComponents)
      .values({ offeringId, ...componentValues(c, i) })
      .onConflictDoUpdate({
        target: [offeringComponents.offeringId, offeringComponents.type],
        set: componentValues(c, i),
      });
  }
}

/** Plans listed with a known `uuid` are updated in place, others created; plans not listed are removed. */
export async function writePlans(tx: Executor, offeringId: string, plans: PlanInput[]): Promise<void> {
  const existing = await tx
    .select({ id: offeringPlans.id })
    .from(offeringPlans)
    .where(eq(offeringPlans.offeringId, offeringId));
  const keep = new Set(
    plans
      .map((p) => (p.uuid ? toUuid(p.uuid) : null))
      .filter((id): id is string => !!id && existing.some((e) => e.id === id)),
  );
  const drop = existing.map((e) => e.id).filter((id) => !keep.has(id));
  if (drop.length) await tx.delete(offeringPlans).where(inArray(offeringPlans.id, drop));
  const comps = await tx.select().from(offeringComponents).where(eq(offeringComponents.offeringId, offeringId));
  for (const [i, p] of plans.entries()) {
    const values = {
      position: i,
      name: p.name,
      description: p.description,
      unit: p.unit,
      articleCode: p.article_code,
      maxAmount: p.max_amount,
      backendId: p.backend_id,
    };
    const keepId = p.uuid ? toUuid(p.uuid) : null;
    let planId: string;
    if (keepId && keep.has(keepId)) {
      await tx.update(offeringPlans).set(values).where(eq(offeringPlans.id, keepId));
      await tx.delete(planComponents).where(eq(planComponents.planId, keepId));
      planId = keepId;
    } else {
      planId = (
        await tx
          .insert(offeringPlans)
          .values({ offeringId, ...values })
          .returning({ id: offeringPlans.id })
      )[0].id;
    }
    if (comps.length)
      await tx.insert(planComponents).values(
        comps.map((c) => ({
          planId,
          componentId: c.id,
          price: String(p.prices[c.type] ?? 0),
          amount: p.quotas[c.type] ?? 0,
        })),
      );
  }
}

/** After components change, every plan gets a (zero) price row for each new component. */
export async function fillPlanComponents(tx: Executor, offeringId: string): Promise<void> {
  const comps = await tx.select().from(offeringComponents).where(eq(offeringComponents.offeringId, offeringId));
  const plans = await tx
    .select({ id: offeringPlans.id })
    .from(offeringPlans)
    .where(eq(offeringPlans.offeringId, offeringId));
  const rows = plans.flatMap((p) => comps.map((c) => ({ planId: p.id, componentId: c.id })));
  if (rows.length) await tx.insert(planComponents).values(rows).onConflictDoNothing();
}
