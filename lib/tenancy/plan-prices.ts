import { eq } from "drizzle-orm";
import { providers } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { listActivePlansWithPrices, type ActivePlanWithPrices } from "@/lib/offerings/queries";
import { config } from "@/lib/config";
import { notFound } from "@/lib/errors/app-error";
import type { TenantAccess } from "./access";
import { instanceMarginOf } from "./customer-provider-instance-margins";
import { effectivePrices, type PlanPrice } from "./effective-prices";
import { currencyMinorUnits } from "./margins";
import { findCustomerProviderInstance, getCustomer } from "./queries";

// Which offer types a Portico price belongs to: CloudCockpit-style names for the billing type
// (a plan's fixed monthly price is a "license"), then the offering's type and its category.
const BILLING_OFFER_TYPES: Record<string, string[]> = {
  fixed: ["license"],
  usage: ["usage", "consumption"],
  limit: ["limit", "reservation"],
  one: ["one-time"],
  few: ["one-time"],
};

const isZero = (s: string) => !/[1-9]/.test(s);

/** Plans as priced lines: the plan's fixed price (when it has fixed components), then each non-fixed component's unit price. */
export function planPricesOf(plans: ActivePlanWithPrices[]): PlanPrice[] {
  const out: PlanPrice[] = [];
  for (const p of plans) {
    const common = { offeringId: p.offeringId, offeringName: p.offeringName, planId: p.planId, planName: p.planName };
    const context = [p.offeringType, p.categoryTitle].filter(Boolean);
    const fixed = p.prices.filter((c) => c.billingType === "fixed");
    if (fixed.length && !(isZero(p.unitPrice) && fixed.every((c) => isZero(c.price))))
      out.push({
        ...common,
        component: null,
        unit: p.unit,
        price: p.unitPrice,
        offerTypes: [...BILLING_OFFER_TYPES.fixed, ...context],
      });
    for (const c of p.prices) {
      if (c.billingType === "fixed") continue;
      out.push({
        ...common,
        component: c.componentName || c.componentType,
        unit: c.measuredUnit || c.componentType,
        price: c.price,
        offerTypes: [...(BILLING_OFFER_TYPES[c.billingType] ?? [c.billingType]), ...context],
      });
    }
  }
  return out;
}

/**
 * What a portico instance sells: Active offerings linked to its provider, and unlinked ones of the
 * provider's organisation. External instances (Microsoft, …) have no Portico plans.
 */
export async function planPricesOfProvider(db: Executor, providerPk: string): Promise<PlanPrice[]> {
  const [provider] = await db
    .select({ id: providers.id, organisationId: providers.organisationId })
    .from(providers)
    .where(eq(providers.pk, providerPk));
  if (!provider) return [];
  const [linked, ofOrganisation] = await Promise.all([
    listActivePlansWithPrices(db, { providerId: provider.id }),
    provider.organisationId
      ? listActivePlansWithPrices(db, { organisationId: provider.organisationId })
      : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  const plans = [...linked, ...ofOrganisation.filter((p) => p.providerId === null)].filter(
    (p) => !seen.has(p.planId) && seen.add(p.planId),
  );
  return planPricesOf(plans);
}

/** Plan prices per provider instance id, for the portico instances among them. */
export async function planPricesByInstance(
  db: Executor,
  instances: { id: string; type: string; providerPk: string | null }[],
): Promise<Record<string, PlanPrice[]>> {
  const out: Record<string, PlanPrice[]> = {};
  const byProvider = new Map<string, Promise<PlanPrice[]>>();
  for (const i of instances) {
    if (i.type !== "portico" || !i.providerPk) continue;
    if (!byProvider.has(i.providerPk)) byProvider.set(i.providerPk, planPricesOfProvider(db, i.providerPk));
    out[i.id] = await byProvider.get(i.providerPk)!;
  }
  return out;
}

/** A customer's effective prices for everything one of its provider instances sells. */
export async function customerInstancePrices(
  db: Executor,
  access: TenantAccess,
  customerId: string,
  providerInstanceId: string,
) {
  const customer = await getCustomer(db, access, customerId);
  const link = await findCustomerProviderInstance(db, customer.id, providerInstanceId);
  if (!link) throw notFound("Provider instance of this customer");
  const currency = config.currency;
  const prices =
    link.instanceType === "portico" && link.providerPk ? await planPricesOfProvider(db, link.providerPk) : [];
  return {
    link,
    currency,
    rows: effectivePrices(prices, instanceMarginOf(link), link.offerTypeMargins, {
      minorUnits: currencyMinorUnits(currency),
    }),
  };
}
