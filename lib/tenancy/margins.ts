// Price margins as CloudCockpit names them, in exact decimal arithmetic (BigInt, never floats).
// markup: price = cost × (1 + v/100) · margin: price = cost / (1 − v/100), v < 100 ·
// erpMinusDiscount: price = list price × (1 − v/100).

export const MARGIN_RULES = ["markup", "margin", "erpMinusDiscount"] as const;
export type MarginRuleName = (typeof MARGIN_RULES)[number];
export type Margin = { rule: MarginRuleName; value: string };
export type OfferTypeMarginMap = Record<string, Margin>;

export const MAX_MARGIN_DECIMALS = 4;
const MAX_MARKUP = 100_000n;
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** The rule's canonical name for any casing a client sends ("Markup", "ERPMINUSDISCOUNT" …), or null. */
export function canonicalMarginRule(name: string): MarginRuleName | null {
  const n = name.trim().toLowerCase();
  return MARGIN_RULES.find((r) => r.toLowerCase() === n) ?? null;
}

type Dec = { units: bigint; scale: number };

function parseDecimal(s: string): Dec {
  const t = s.trim();
  if (!DECIMAL_RE.test(t)) throw new RangeError(`Not a decimal number: ${s}`);
  const neg = t.startsWith("-");
  const [int, frac = ""] = t.replace(/^-/, "").split(".");
  const units = BigInt(int + frac);
  return { units: neg ? -units : units, scale: frac.length };
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** A decimal's string with trailing fractional zeros removed ("12.5000" → "12.5"). */
export function normaliseDecimal(s: string): string {
  const t = s.trim();
  if (!DECIMAL_RE.test(t)) throw new RangeError(`Not a decimal number: ${s}`);
  const out = t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t;
  const bare = out.replace(/^(-?)0+(?=\d)/, "$1");
  return bare === "-0" ? "0" : bare;
}

/** A JSON number or numeric string as an exact decimal string, or null when it is not one. */
export function decimalFromJson(v: unknown): string | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    // Shortest round-trip form; exponent forms (1e-7, 1e21) are outside any sensible margin anyway.
    const s = String(v);
    return DECIMAL_RE.test(s) ? normaliseDecimal(s) : null;
  }
  if (typeof v === "string" && DECIMAL_RE.test(v.trim())) return normaliseDecimal(v);
  return null;
}

/** What is wrong with a margin value for a rule; empty when it is fine. */
export function marginValueProblems(rule: MarginRuleName, value: string): string[] {
  if (!DECIMAL_RE.test(value.trim())) return ["Must be a number."];
  const d = parseDecimal(value);
  const problems: string[] = [];
  if (d.units < 0n) problems.push("Must not be negative.");
  if (normaliseDecimal(value).split(".")[1]?.length > MAX_MARGIN_DECIMALS)
    problems.push(`At most ${MAX_MARGIN_DECIMALS} decimal places.`);
  const hundred = 100n * pow10(d.scale);
  if (rule === "margin" && d.units >= hundred)
    problems.push("A margin must be less than 100 (price = cost / (1 − margin/100)).");
  if (rule === "erpMinusDiscount" && d.units > hundred) problems.push("A discount cannot exceed 100.");
  if (rule === "markup" && d.units > MAX_MARKUP * pow10(d.scale))
    problems.push(`A markup can be at most ${MAX_MARKUP}.`);
  return problems;
}

/** Digits after the point that carry information ("0.0023000" → 4, "10.00" → 0). */
function significantDecimals(s: string): number {
  return normaliseDecimal(s).split(".")[1]?.length ?? 0;
}

/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, BHD 3). */
export function currencyMinorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** num/den rounded half away from zero to `scale` decimals, as a fixed-point string. */
function roundQuotient(num: bigint, den: bigint, scale: number): string {
  if (den < 0n) [num, den] = [-num, -den];
  const scaled = num * pow10(scale);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  const digits = q.toString().padStart(scale + 1, "0");
  const int = scale ? digits.slice(0, -scale) : digits;
  const frac = scale ? "." + digits.slice(-scale) : "";
  return (neg && q !== 0n ? "-" : "") + int + frac;
}

/**
 * The price after a margin, rounded half-up to the currency's minor unit — or to the base price's own
 * precision when that is finer (unit prices such as 0.0023 per CPU-hour must not round to 0.00).
 * `listPrice` (ERP price) is what erpMinusDiscount discounts; it defaults to the cost.
 */
export function applyMargin(
  base: { cost: string; listPrice?: string },
  margin: Margin,
  opts: { minorUnits: number },
): string {
  const problems = marginValueProblems(margin.rule, margin.value);
  if (problems.length) throw new RangeError(`Invalid ${margin.rule} value ${margin.value}: ${problems[0]}`);
  const v = parseDecimal(margin.value);
  const hundred = 100n * pow10(v.scale);
  const priceStr = margin.rule === "erpMinusDiscount" ? (base.listPrice ?? base.cost) : base.cost;
  const p = parseDecimal(priceStr);
  const scale = Math.min(10, Math.max(opts.minorUnits, significantDecimals(priceStr)));
  const priceDen = pow10(p.scale);
  switch (margin.rule) {
    case "markup":
      return roundQuotient(p.units * (hundred + v.units), priceDen * hundred, scale);
    case "margin":
      return roundQuotient(p.units * hundred, priceDen * (hundred - v.units), scale);
    case "erpMinusDiscount":
      return roundQuotient(p.units * (hundred - v.units), priceDen * hundred, scale);
  }
}

/** The margin that applies to an offer type: its override when there is one (names match case-insensitively), else the instance's. */
export function marginFor(
  instance: Margin,
  overrides: OfferTypeMarginMap,
  offerType: string | null,
): { margin: Margin; source: "offerType" | "instance"; offerType?: string } {
  if (offerType) {
    const key = Object.keys(overrides).find((k) => k.toLowerCase() === offerType.toLowerCase());
    if (key) return { margin: overrides[key], source: "offerType", offerType: key };
  }
  return { margin: instance, source: "instance" };
}

/** A base price rendered at the same precision rules as effective prices, for side-by-side tables. */
export function formatBasePrice(price: string, minorUnits: number): string {
  return applyMargin({ cost: price }, { rule: "markup", value: "0" }, { minorUnits });
}
