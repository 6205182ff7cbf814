import { describe, expect, it } from "vitest";
import { effectivePrices, type PlanPrice } from "./effective-prices";

const price = (over: Partial<PlanPrice>): PlanPrice => ({
  offeringId: "o1",
  offeringName: "Cluster",
  planId: "p1",
  planName: "Default",
  component: null,
  unit: "month",
  price: "100.0000000000",
  offerTypes: [],
  ...over,
});

describe("effectivePrices", () => {
  it("applies the instance margin, or the first matching offer-type override", () => {
    const rows = effectivePrices(
      [
        price({ offerTypes: ["license", "marketplace.basic"] }),
        price({
          component: "node_hours",
          unit: "Node-hours",
          price: "0.0500000000",
          offerTypes: ["usage", "Marketplace.Slurm"],
        }),
        price({ offerTypes: ["software"] }),
      ],
      { rule: "markup", value: "10" },
      { License: { rule: "margin", value: "20" }, "marketplace.slurm": { rule: "erpMinusDiscount", value: "5" } },
      { minorUnits: 2 },
    );
    expect(rows.map((r) => [r.basePrice, r.effectivePrice, r.marginSource, r.offerType])).toEqual([
      ["100.00", "125.00", "offerType", "License"],
      ["0.05", "0.05", "offerType", "marketplace.slurm"], // 0.0475 → 0.05 at the currency's minor unit
      ["100.00", "110.00", "instance", null],
    ]);
  });

  it("keeps sub-cent unit prices exact", () => {
    const [row] = effectivePrices(
      [price({ price: "0.0023000000" })],
      { rule: "markup", value: "15" },
      {},
      { minorUnits: 2 },
    );
    expect(row).toMatchObject({ basePrice: "0.0023", effectivePrice: "0.0026" }); // 0.002645
  });
});
