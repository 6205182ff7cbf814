"use client";
import { effectivePrices, type PlanPrice } from "@/lib/tenancy/effective-prices";
import { canonicalMarginRule, decimalFromJson, marginValueProblems, type Margin, type OfferTypeMarginMap } from "@/lib/tenancy/margins";
import type { MarginsDraft } from "./margins-fields";

function toMargin(d: { rule: string; value: string }): Margin | null {
  const rule = canonicalMarginRule(d.rule);
  const value = decimalFromJson(d.value);
  return rule && value !== null && !marginValueProblems(rule, value).length ? { rule, value } : null;
}

/** Margins as typed so far, or null while any of them is not a valid margin. */
export function marginsOfDraft(d: MarginsDraft): { margin: Margin; overrides: OfferTypeMarginMap } | null {
  const margin = toMargin(d.margin);
  if (!margin) return null;
  const overrides: OfferTypeMarginMap = {};
  for (const o of d.overrides) {
    if (!o.type.trim()) continue;
    const m = toMargin(o);
    if (!m) return null;
    overrides[o.type.trim()] = m;
  }
  return { margin, overrides };
}

/** Each offering plan's base price beside the customer's effective price after margins. */
export function PricePreview({ prices, margins, currency, minorUnits, caption }: { prices: PlanPrice[]; margins: { margin: Margin; overrides: OfferTypeMarginMap } | null; currency: string; minorUnits: number; caption: string }) {
  if (!prices.length) return <p className="text-sm text-slate-500 dark:text-slate-400">This provider has no offering plans with prices yet.</p>;
  const rows = margins ? effectivePrices(prices, margins.margin, margins.overrides, { minorUnits }) : null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="price-table">
        <caption className="mb-2 text-left text-sm font-semibold">{caption}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4">Offering · plan</th>
            <th className="py-2 pr-4">Price of</th>
            <th className="py-2 pr-4">Offer type</th>
            <th className="py-2 pr-4 text-right">Base ({currency})</th>
            <th className="py-2 pr-4">Margin</th>
            <th className="py-2 pr-4 text-right">Effective ({currency})</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {prices.map((p, i) => {
            const r = rows?.[i];
            return (
              <tr key={`${p.planId}-${p.component ?? "plan"}`} data-testid="price-row">
                <td className="py-2 pr-4">
                  <span className="font-medium">{p.offeringName}</span> · {p.planName}
                </td>
                <td className="py-2 pr-4">{p.component ? `${p.component} (per ${p.unit})` : `plan (per ${p.unit})`}</td>
                <td className="py-2 pr-4 text-xs">{p.offerTypes.join(", ")}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{rows ? r!.basePrice : p.price}</td>
                <td className="py-2 pr-4 text-xs">{r ? `${r.margin.rule} ${r.margin.value}%${r.marginSource === "offerType" ? ` (${r.offerType} override)` : ""}` : "—"}</td>
                <td className="py-2 pr-4 text-right font-medium tabular-nums" data-testid="effective-price">{r ? r.effectivePrice : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!rows && <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">Enter valid margins to see effective prices.</p>}
    </div>
  );
}
