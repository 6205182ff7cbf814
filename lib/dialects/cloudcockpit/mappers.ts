import type { z } from "zod";
import type { ProviderInstanceRow, ResellerRow, TenantCustomerRow } from "@/drizzle/schema";
import type { EffectivePrice } from "@/lib/tenancy/effective-prices";
import type { CustomerProviderInstanceView } from "@/lib/tenancy/queries";
import type {
  customerInstancePricesOut,
  customerOut,
  customerProviderInstanceOut,
  providerInstanceOut,
  resellerOut,
} from "./schemas";

// Core rows → CloudCockpit JSON. Margin values go out as JSON numbers (they have at most 4 decimals).

export const toCustomerOut = (
  c: TenantCustomerRow & { resellerName?: string | null },
): z.infer<typeof customerOut> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  country: c.country,
  resellerId: c.resellerId,
  resellerName: c.resellerName ?? null,
  createdAt: c.createdAt.toISOString(),
});

export const toProviderInstanceOut = (
  p: ProviderInstanceRow & { providerId: string | null; providerName: string | null },
): z.infer<typeof providerInstanceOut> => ({
  id: p.id,
  name: p.name,
  type: p.type,
  providerId: p.providerId,
  providerName: p.providerName,
  createdAt: p.createdAt.toISOString(),
});

export const toResellerOut = (r: ResellerRow): z.infer<typeof resellerOut> => ({
  id: r.id,
  name: r.name,
  createdAt: r.createdAt.toISOString(),
});

export function toCustomerProviderInstanceOut(
  l: CustomerProviderInstanceView,
): z.infer<typeof customerProviderInstanceOut> {
  const overrides = Object.entries(l.offerTypeMargins ?? {});
  return {
    id: l.id,
    customerId: l.customerId,
    providerInstanceId: l.providerInstanceId,
    providerInstanceName: l.instanceName,
    providerInstanceType: l.instanceType,
    providerId: l.providerId,
    resellerId: l.resellerId,
    providerCustomerData: l.providerCustomerData,
    margin: { marginRule: { name: l.marginRule, value: Number(l.marginValue) } },
    offerTypeMargins: overrides.length
      ? {
          Value: Object.fromEntries(
            overrides.map(([k, m]) => [k, { Value: Number(m.value), MarginRule: { Name: m.rule } }]),
          ),
        }
      : null,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export const toCustomerInstancePricesOut = (r: {
  link: CustomerProviderInstanceView;
  currency: string;
  rows: EffectivePrice[];
}): z.infer<typeof customerInstancePricesOut> => ({
  customerId: r.link.customerId,
  providerInstanceId: r.link.providerInstanceId,
  currency: r.currency,
  prices: r.rows.map((p) => ({
    offeringId: p.offeringId,
    offeringName: p.offeringName,
    planId: p.planId,
    planName: p.planName,
    component: p.component,
    unit: p.unit,
    offerTypes: p.offerTypes,
    basePrice: p.basePrice,
    effectivePrice: p.effectivePrice,
    margin: { marginRule: { name: p.margin.rule, value: Number(p.margin.value) } },
    marginSource: p.marginSource,
    offerType: p.offerType,
  })),
});
