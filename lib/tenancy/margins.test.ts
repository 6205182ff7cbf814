import { describe, expect, it } from "vitest";
import {
  applyMargin,
  canonicalMarginRule,
  currencyMinorUnits,
  decimalFromJson,
  formatBasePrice,
  marginFor,
  marginValueProblems,
  normaliseDecimal,
} from "./margins";

const eur = { minorUnits: 2 };

describe("applyMargin", () => {
  it("markup: cost × (1 + v/100)", () => {
    expect(applyMargin({ cost: "10.00" }, { rule: "markup", value: "15" }, eur)).toBe("11.50");
    expect(applyMargin({ cost: "100" }, { rule: "markup", value: "0" }, eur)).toBe("100.00");
    expect(applyMargin({ cost: "19.99" }, { rule: "markup", value: "12.5" }, eur)).toBe("22.49"); // 22.48875
  });

  it("margin: cost / (1 − v/100)", () => {
    expect(applyMargin({ cost: "80" }, { rule: "margin", value: "20" }, eur)).toBe("100.00");
    expect(applyMargin({ cost: "9.99" }, { rule: "margin", value: "30" }, eur)).toBe("14.27"); // 14.2714…
    expect(applyMargin({ cost: "1" }, { rule: "margin", value: "99.9999" }, eur)).toBe("1000000.00");
  });

  it("erpMinusDiscount: list price × (1 − v/100), the list price defaulting to the cost", () => {
    expect(applyMargin({ cost: "70", listPrice: "100" }, { rule: "erpMinusDiscount", value: "10" }, eur)).toBe("90.00");
    expect(applyMargin({ cost: "100" }, { rule: "erpMinusDiscount", value: "100" }, eur)).toBe("0.00");
    expect(applyMargin({ cost: "33.33" }, { rule: "erpMinusDiscount", value: "33.3333" }, eur)).toBe("22.22"); // 22.2200…
  });

  it("has no binary float drift where floats would have it", () => {
    // 0.1 + 0.2 style: 1.005 × 1 in floats rounds to 1.00; exact half-up gives 1.01
    expect(applyMargin({ cost: "1.005" }, { rule: "markup", value: "0" }, eur)).toBe("1.005");
    expect(applyMargin({ cost: "1.15" }, { rule: "markup", value: "10" }, eur)).toBe("1.27"); // 1.265 exactly → half up
    expect(applyMargin({ cost: "2.675" }, { rule: "erpMinusDiscount", value: "0" }, { minorUnits: 2 })).toBe("2.675");
    expect(formatBasePrice("10.0000000000", 2)).toBe("10.00");
  });

  it("rounds half up to the currency's minor unit, keeping finer precision of the base price", () => {
    expect(applyMargin({ cost: "10" }, { rule: "markup", value: "0.005" }, { minorUnits: 2 })).toBe("10.00"); // 10.0005
    expect(applyMargin({ cost: "10" }, { rule: "markup", value: "0.05" }, { minorUnits: 2 })).toBe("10.01"); // 10.005
    expect(applyMargin({ cost: "999" }, { rule: "markup", value: "15" }, { minorUnits: 0 })).toBe("1149"); // JPY 1148.85
    expect(applyMargin({ cost: "1.000" }, { rule: "margin", value: "3" }, { minorUnits: 3 })).toBe("1.031"); // BHD 1.0309…
    expect(applyMargin({ cost: "0.0023" }, { rule: "markup", value: "10" }, eur)).toBe("0.0025"); // 0.00253
    expect(applyMargin({ cost: "0.0000000000" }, { rule: "margin", value: "50" }, eur)).toBe("0.00");
  });

  it("refuses out-of-range values", () => {
    expect(() => applyMargin({ cost: "1" }, { rule: "margin", value: "100" }, eur)).toThrow(RangeError);
    expect(() => applyMargin({ cost: "1" }, { rule: "markup", value: "-1" }, eur)).toThrow(RangeError);
  });
});

describe("margin values and names", () => {
  it("names every problem", () => {
    expect(marginValueProblems("markup", "-0.5")).toEqual(["Must not be negative."]);
    expect(marginValueProblems("margin", "100")[0]).toMatch(/less than 100/);
    expect(marginValueProblems("margin", "99.9999")).toEqual([]);
    expect(marginValueProblems("erpMinusDiscount", "100.0001")[0]).toMatch(/exceed 100/);
    expect(marginValueProblems("markup", "1.23456")[0]).toMatch(/decimal places/);
    expect(marginValueProblems("markup", "1.2340000")).toEqual([]);
    expect(marginValueProblems("markup", "abc")).toEqual(["Must be a number."]);
    expect(marginValueProblems("markup", "100001")[0]).toMatch(/at most/);
  });

  it("reads rule names case-insensitively", () => {
    expect(canonicalMarginRule("Markup")).toBe("markup");
    expect(canonicalMarginRule("ERPMINUSDISCOUNT")).toBe("erpMinusDiscount");
    expect(canonicalMarginRule(" margin ")).toBe("margin");
    expect(canonicalMarginRule("discount")).toBeNull();
  });

  it("reads JSON numbers and numeric strings exactly", () => {
    expect(decimalFromJson(10)).toBe("10");
    expect(decimalFromJson(12.5)).toBe("12.5");
    expect(decimalFromJson("007.50")).toBe("7.5");
    expect(decimalFromJson(0.1 + 0.2)).toBe("0.30000000000000004"); // exact, then refused for its decimals
    expect(marginValueProblems("markup", decimalFromJson(0.1 + 0.2)!)[0]).toMatch(/decimal places/);
    expect(decimalFromJson(1e-7)).toBeNull();
    expect(decimalFromJson("1e3")).toBeNull();
    expect(decimalFromJson(true)).toBeNull();
    expect(normaliseDecimal("-0.000")).toBe("0");
  });

  it("knows currencies' minor units", () => {
    expect(currencyMinorUnits("EUR")).toBe(2);
    expect(currencyMinorUnits("JPY")).toBe(0);
    expect(currencyMinorUnits("BHD")).toBe(3);
    expect(currencyMinorUnits("nope")).toBe(2);
  });
});

describe("marginFor", () => {
  const instance = { rule: "markup" as const, value: "10" };
  const overrides = { License: { rule: "margin" as const, value: "20" } };
  it("uses the offer type's override, matched case-insensitively, else the instance margin", () => {
    expect(marginFor(instance, overrides, "license")).toEqual({
      margin: overrides.License,
      source: "offerType",
      offerType: "License",
    });
    expect(marginFor(instance, overrides, "usage")).toEqual({ margin: instance, source: "instance" });
    expect(marginFor(instance, overrides, null)).toEqual({ margin: instance, source: "instance" });
  });
  it("gives different effective prices for the same base price", () => {
    const base = { cost: "50" };
    expect(applyMargin(base, marginFor(instance, overrides, "LICENSE").margin, eur)).toBe("62.50");
    expect(applyMargin(base, marginFor(instance, overrides, "software").margin, eur)).toBe("55.00");
  });
});
