import { describe, expect, it } from "vitest";
import { seedDemo } from "@/drizzle/seed";
import { db } from "@/lib/testing/fixtures";
import { listActivePlansWithPrices } from "./queries";

describe("listActivePlansWithPrices (demo catalogue)", () => {
  it("gives every non-archived plan of Active offerings with each component's price and quota", async () => {
    const d = await db();
    await seedDemo(d);
    const plans = (await listActivePlansWithPrices(d)).filter((p) => p.offeringName === "Nordic HPC Cluster");
    expect(plans.map((p) => p.planName).sort()).toEqual(["Large", "Small"]);
    const small = plans.find((p) => p.planName === "Small")!;
    expect(small).toMatchObject({ offeringType: "Marketplace.Slurm", organisationName: "Nordic Compute Centre", categoryTitle: "HPC", unit: "month", unitPrice: "15.0000000000" });
    expect(small.prices.map((p) => [p.componentType, Number(p.price), p.amount])).toEqual([
      ["cpu_hours", 0.02, 0],
      ["gpu_hours", 0.9, 0],
      ["storage", 15, 1],
    ]);
    // the Draft demo offering is not priced for customers
    expect((await listActivePlansWithPrices(d)).some((p) => p.offeringName === "Nordic Object Storage")).toBe(false);
  });
});
