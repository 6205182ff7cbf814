import type { OfferTypeMargins } from "@/drizzle/schema";
import { AppError } from "@/lib/errors/app-error";
import type { Margin, MarginRuleName } from "./margins";

/** Offer-type overrides as stored: one entry per offer type, names compared case-insensitively. */
export function offerTypeMarginsToStore(
  input: Record<string, { rule: MarginRuleName; value: string }> | null | undefined,
): OfferTypeMargins {
  const out: OfferTypeMargins = {};
  const seen = new Map<string, string>();
  for (const [name, m] of Object.entries(input ?? {})) {
    const key = name.trim();
    const prior = seen.get(key.toLowerCase());
    if (prior !== undefined)
      throw new AppError("validation", "An offer type is listed twice.", {
        [`offerTypeMargins.${name}`]: [`Same offer type as '${prior}' (names are case-insensitive).`],
      });
    seen.set(key.toLowerCase(), key);
    out[key] = { rule: m.rule, value: m.value };
  }
  return out;
}

export const instanceMarginOf = (row: { marginRule: MarginRuleName; marginValue: string }): Margin => ({
  rule: row.marginRule,
  value: row.marginValue,
});
