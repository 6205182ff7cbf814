import { describe, expect, it } from "vitest";
import { niceScale, niceStep } from "./nice-scale";

describe("round axis steps", () => {
  it("picks 1, 2, 2.5 or 5 × 10^n", () => {
    expect(niceStep(7500)).toBe(10000);
    expect(niceStep(5800)).toBe(10000);
    expect(niceStep(4200)).toBe(5000);
    expect(niceStep(2100)).toBe(2500);
    expect(niceStep(1800)).toBe(2000);
    expect(niceStep(1000)).toBe(1000);
    expect(niceStep(0.03)).toBe(0.05);
    expect(niceStep(0.2)).toBe(0.2);
    expect(niceStep(240)).toBe(250);
  });

  it("never gives the 7,500 / 8,500 steps the data would suggest", () => {
    for (const max of [22_500, 25_500, 29_000, 1234, 0.7, 99, 100, 101, 3e9]) {
      const { ticks, step, max: top } = niceScale(max);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toPrecision(6)));
      expect(ticks[0]).toBe(0);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(top - step).toBeLessThan(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(11);
    }
    expect(niceScale(29_000).ticks).toEqual([0, 10_000, 20_000, 30_000]);
    expect(niceScale(25_500).ticks).toEqual([0, 10_000, 20_000, 30_000]);
    expect(niceScale(1200).ticks).toEqual([0, 250, 500, 750, 1000, 1250]);
  });

  it("gives an empty or negative series a 0–1 axis", () => {
    expect(niceScale(0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale(Number.NaN).max).toBe(1);
  });
});
