"use client";
import { DataTable } from "@/components/ui/data-table";
import { effectivePrices, type PlanPrice } from "@/lib/tenancy/effective-prices";
import {
  canonicalMarginRule,
  decimalFromJson,
  marginValueProblems,
  type Margin,
  type OfferTypeMarginMap,
} from "@/lib/tenancy/margins";
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
export function PricePreview({
  prices,
  margins,
  currency,
  minorUnits,
  caption,
}: {
  prices: PlanPrice[];
  margins: { margin: Margin; overrides: OfferTypeMarginMap } | null;
  currency: string;
  minorUnits: number;
  caption: string;
}) {
  if (!prices.length)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">This provider has no offering plans with prices yet.</p>
    );
  const rows = margins ? effectivePrices(prices, margins.margin, margins.overrides, { minorUnits }) : null;
  return (
    <div>
      <DataTable
        caption={caption}
        showCaption
        rows={prices.map((p, i) => ({ ...p, effective: rows?.[i] }))}
        rowKey={(p) => `${p.planId}-${p.component ?? "plan"}`}
        rowProps={() => ({ "data-testid": "price-row" })}
        tableProps={{ "data-testid": "price-table" }}
        columns={[
          {
            id: "plan",
            header: "Offering · plan",
            cell: (p) => (
              <>
                <span className="font-medium">{p.offeringName}</span> · {p.planName}
              </>
            ),
          },
          {
            id: "of",
            header: "Price of",
            cell: (p) => (p.component ? `${p.component} (per ${p.unit})` : `plan (per ${p.unit})`),
          },
          { id: "types", header: "Offer type", className: "text-xs", cell: (p) => p.offerTypes.join(", ") },
          {
            id: "base",
            header: `Base (${currency})`,
            align: "right",
            className: "tabular-nums",
            cell: (p) => p.effective?.basePrice ?? p.price,
          },
          {
            id: "margin",
            header: "Margin",
            className: "text-xs",
            cell: ({ effective: r }) =>
              r
                ? `${r.margin.rule} ${r.margin.value}%${r.marginSource === "offerType" ? ` (${r.offerType} override)` : ""}`
                : "—",
          },
          {
            id: "effective",
            header: `Effective (${currency})`,
            align: "right",
            className: "font-medium tabular-nums",
            cell: (p) => <span data-testid="effective-price">{p.effective?.effectivePrice ?? "—"}</span>,
          },
        ]}
      />
      {!rows && (
        <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">Enter valid margins to see effective prices.</p>
      )}
    </div>
  );
}
