import type { OfferingComponentRow } from "@/drizzle/schema";
import { STATE_CODES } from "@/lib/offerings/lifecycle";
import { planSum, type OfferingDetails, type PlanDetails } from "@/lib/offerings/queries";
import { hexUuid } from "@/lib/offerings/refs";
import { waldurAnswers } from "./seed-differences";
import { waldurUrl } from "./urls";

const num = (s: string | null) => (s === null ? null : Number(s));
const PLAN_TYPES: Record<string, string> = {
  usage: "usage-based",
  fixed: "fixed",
  one: "one-time",
  few: "on-plan-switch",
  limit: "limit",
};

/**
 * Waldur's plan_type: the billing type of the plan's priced components ("mixed" for several). A plan with no
 * price yet takes its components' billing types, so the answer always names one (Waldur's schema needs a string).
 */
function planType(components: OfferingComponentRow[], p: PlanDetails): string {
  const billing = (priced: boolean) =>
    new Set(
      components
        .filter((c) => !priced || Number(p.components.find((x) => x.componentId === c.id)?.price ?? 0) !== 0)
        .map((c) => c.billingType),
    );
  const types = billing(true).size ? billing(true) : billing(false);
  return types.size === 1 ? (PLAN_TYPES[[...types][0]] ?? "mixed") : "mixed";
}

export function componentJson(c: OfferingComponentRow) {
  return {
    uuid: hexUuid(c.id),
    billing_type: c.billingType,
    type: c.type,
    name: c.name,
    description: c.description,
    measured_unit: c.measuredUnit,
    unit_factor: c.unitFactor,
    limit_period: c.limitPeriod,
    limit_amount: c.limitAmount,
    article_code: c.articleCode,
    max_value: c.maxValue,
    min_value: c.minValue,
    max_available_limit: c.maxAvailableLimit,
    is_boolean: c.isBoolean,
    default_limit: c.defaultLimit,
    factor: null,
    is_builtin: false,
  };
}

/** A plan as Waldur answers it (BaseProviderPlan; with `offering`, ProviderPlanDetails). */
export function planJson(origin: string, offeringId: string, components: OfferingComponentRow[], p: PlanDetails) {
  const of = (c: OfferingComponentRow) => p.components.find((x) => x.componentId === c.id);
  // Seed 001 lists every component with null where no future price is set; Waldur's schema allows numbers only.
  const futurePrices = components
    .map((c) => [c.type, num(of(c)?.futurePrice ?? null)] as const)
    .filter(([, v]) => v !== null || waldurAnswers() === "seed");
  return {
    url: waldurUrl(origin, "marketplace-plans", p.id),
    uuid: hexUuid(p.id),
    name: p.name,
    description: p.description,
    article_code: p.articleCode,
    max_amount: p.maxAmount,
    archived: p.archived,
    is_active: !p.archived,
    unit_price: planSum(components, p, ["fixed"], true),
    unit: p.unit,
    init_price: Number(planSum(components, p, ["one"], false)),
    switch_price: Number(planSum(components, p, ["few"], false)),
    backend_id: p.backendId,
    organization_groups: [],
    prices: Object.fromEntries(components.map((c) => [c.type, Number(of(c)?.price ?? 0)])),
    future_prices: Object.fromEntries(futurePrices),
    quotas: Object.fromEntries(components.map((c) => [c.type, of(c)?.amount ?? 0])),
    resources_count: 0,
    components: components.map((c) => ({
      type: c.type,
      name: c.name,
      measured_unit: c.measuredUnit,
      amount: of(c)?.amount ?? 0,
      price: of(c)?.price ?? "0",
      future_price: of(c)?.futurePrice ?? null,
      discount_threshold: null,
      discount_rate: null,
    })),
    offering: waldurUrl(origin, "marketplace-provider-offerings", offeringId),
    plan_type: planType(components, p),
    // Waldur's minimal_price: what the plan costs at the least: limit and one-time prices, fixed prices × amount.
    minimal_price:
      Number(planSum(components, p, ["fixed"], true)) + Number(planSum(components, p, ["limit", "one"], false)),
  };
}

/**
 * The full Waldur offering object (seed 001). Plugin options go to those who manage the offering,
 * secret options to its owners and staff only; everyone else sees `{}`.
 */
export function offeringJson(
  origin: string,
  d: OfferingDetails,
  show: { plugin: boolean; secrets: Record<string, unknown> | null },
) {
  const o = d.offering;
  return {
    url: waldurUrl(origin, "marketplace-provider-offerings", o.id),
    uuid: hexUuid(o.id),
    created: o.createdAt.toISOString(),
    name: o.name,
    slug: o.slug,
    description: o.description,
    full_description: o.fullDescription,
    terms_of_service: o.termsOfService,
    terms_of_service_link: o.termsOfServiceLink,
    privacy_policy_link: o.privacyPolicyLink,
    access_url: o.accessUrl,
    endpoints: [],
    roles: [],
    customer: waldurUrl(origin, "customers", d.organisation.id),
    customer_uuid: hexUuid(d.organisation.id),
    customer_name: d.organisation.name,
    project: null,
    category: waldurUrl(origin, "marketplace-categories", d.category.id),
    category_uuid: hexUuid(d.category.id),
    category_title: d.category.title,
    attributes: o.attributes,
    options: o.options,
    resource_options: o.resourceOptions,
    components: d.components.map(componentJson),
    plugin_options: show.plugin ? o.pluginOptions : {},
    secret_options: show.secrets ?? {},
    service_attributes: show.plugin ? o.serviceAttributes : {},
    state: o.state,
    state_code: STATE_CODES[o.state],
    native_name: o.nativeName,
    native_description: o.nativeDescription,
    vendor_details: o.vendorDetails,
    getting_started: o.gettingStarted,
    integration_guide: o.integrationGuide,
    thumbnail: null,
    order_count: 0,
    plans: d.plans.map((p) => planJson(origin, o.id, d.components, p)),
    screenshots: [],
    type: o.type,
    shared: o.shared,
    billable: o.billable,
    // Seed 001 shows `"scope": null`; Waldur's schema declares a string, so that mode leaves it out.
    ...(waldurAnswers() === "seed" ? { scope: null } : {}),
    files: [],
    paused_reason: o.pausedReason,
    datacite_doi: "",
    citation_count: -1,
    latitude: o.latitude,
    longitude: o.longitude,
    country: o.country,
    backend_id: o.backendId,
    organization_groups: [],
    image: null,
    backend_metadata: {},
    // Portico extension: the registered provider this offering is linked to, if any.
    provider: d.providerId,
  };
}
