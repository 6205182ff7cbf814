import { describe, expect, it } from "vitest";
import type { ActivePlanWithPrices } from "@/lib/offerings/queries";
import { planPricesOf } from "./plan-prices";

const plan = (prices: ActivePlanWithPrices["prices"], unitPrice: string): ActivePlanWithPrices => ({
  offeringId: "o",
  offeringName: "Cluster",
  offeringSlug: "c",
  offeringType: "Marketplace.Slurm",
  organisationId: "org",
  organisationName: "Org",
  providerId: null,
  categoryTitle: "HPC",
  planId: "p",
  planName: "Small",
  unit: "month",
  unitPrice,
  prices,
});
const c = (componentType: string, billingType: string, price: string, amount = 0) => ({
  componentType,
  componentName: componentType.toUpperCase(),
  measuredUnit: `${componentType}-units`,
  billingType,
  price,
  amount,
});

describe("planPricesOf", () => {
  it("prices the plan's fixed part as a license and each other component per unit, with their offer types", () => {
    const rows = planPricesOf([
      plan(
        [c("storage", "fixed", "15", 1), c("cpu", "usage", "0.02"), c("setup", "one", "100"), c("quota", "limit", "3")],
        "15.0000000000",
      ),
    ]);
    expect(rows.map((r) => [r.component, r.unit, r.price, r.offerTypes[0]])).toEqual([
      [null, "month", "15.0000000000", "license"],
      ["CPU", "cpu-units", "0.02", "usage"],
      ["SETUP", "setup-units", "100", "one-time"],
      ["QUOTA", "quota-units", "3", "limit"],
    ]);
    expect(rows[1].offerTypes).toEqual(["usage", "consumption", "Marketplace.Slurm", "HPC"]);
  });

  it("leaves out a plan price when the plan has no fixed components or they are all free", () => {
    expect(planPricesOf([plan([c("cpu", "usage", "0.02")], "0.0000000000")]).map((r) => r.component)).toEqual(["CPU"]);
    expect(planPricesOf([plan([c("storage", "fixed", "0", 1)], "0.0000000000")])).toEqual([]);
  });
});
