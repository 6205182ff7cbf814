import { applyMargin, formatBasePrice, marginFor, type Margin, type OfferTypeMarginMap } from "./margins";

/** One price of one offering plan (a plan's fixed price or one component's unit price). */
export type PlanPrice = {
  offeringId: string;
  offeringName: string;
  planId: string;
  planName: string;
  /** The price's component (e.g. node_hours), or null for the plan's own price. */
  component: string | null;
  /** What the price is per: "month", "Node-hours", … */
  unit: string;
  /** Decimal string as stored (e.g. "10.0000000000"). */
  price: string;
  /** Offer types this price belongs to, most specific first; an override for any of them applies. */
  offerTypes: string[];
};

export type EffectivePrice = PlanPrice & {
  basePrice: string;
  effectivePrice: string;
  margin: Margin;
  marginSource: "offerType" | "instance";
  /** The offer type whose override applied. */
  offerType: string | null;
};

/** Each plan price with the customer's margin applied: the offer type's override when there is one, else the instance's. */
export function effectivePrices(
  prices: PlanPrice[],
  instance: Margin,
  overrides: OfferTypeMarginMap,
  opts: { minorUnits: number },
): EffectivePrice[] {
  return prices.map((p) => {
    const hit =
      p.offerTypes.map((t) => marginFor(instance, overrides, t)).find((m) => m.source === "offerType") ??
      marginFor(instance, overrides, null);
    return {
      ...p,
      basePrice: formatBasePrice(p.price, opts.minorUnits),
      effectivePrice: applyMargin({ cost: p.price }, hit.margin, opts),
      margin: hit.margin,
      marginSource: hit.source,
      offerType: hit.offerType ?? null,
    };
  });
}
