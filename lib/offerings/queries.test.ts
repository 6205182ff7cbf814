import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { offerings, organisations } from "@/drizzle/schema";
import { seedDemo } from "@/drizzle/seed";
import { db } from "@/lib/testing/fixtures";
import { listActivePlansWithPrices, listOfferings } from "./queries";

describe("listActivePlansWithPrices (demo catalogue)", () => {
  it("gives every non-archived plan of Active offerings with each component's price and quota", async () => {
    const d = await db();
    await seedDemo(d);
    const plans = (await listActivePlansWithPrices(d)).filter((p) => p.offeringName === "Nordic HPC Cluster");
    expect(plans.map((p) => p.planName).sort()).toEqual(["Large", "Small"]);
    const small = plans.find((p) => p.planName === "Small")!;
    expect(small).toMatchObject({
      offeringType: "Marketplace.Slurm",
      organisationName: "Nordic Compute Centre",
      categoryTitle: "HPC",
      unit: "month",
      unitPrice: "15.0000000000",
    });
    expect(small.prices.map((p) => [p.componentType, Number(p.price), p.amount])).toEqual([
      ["cpu_hours", 0.02, 0],
      ["gpu_hours", 0.9, 0],
      ["storage", 15, 1],
    ]);
    // the Draft demo offering is not priced for customers
    expect((await listActivePlansWithPrices(d)).some((p) => p.offeringName === "Nordic Object Storage")).toBe(false);
  }, 120_000); // the whole demo, 12 months of usage included
});

describe("the demo catalogue", () => {
  it("has offerings in every state, of both demo organisations, and the public catalogue lists only the Active ones", async () => {
    const d = await db();
    await seedDemo(d);
    const demo = (
      await d
        .select({ offering: offerings, organisation: organisations })
        .from(offerings)
        .innerJoin(organisations, eq(organisations.id, offerings.organisationId))
    ).filter((o) => ["Nordic Compute Centre", "Alpine Research Cloud"].includes(o.organisation.name));
    expect(new Set(demo.map((o) => o.offering.state))).toEqual(new Set(["Draft", "Active", "Paused", "Archived"]));
    expect(new Set(demo.filter((o) => o.offering.state === "Active").map((o) => o.organisation.name))).toEqual(
      new Set(["Nordic Compute Centre", "Alpine Research Cloud"]),
    );
    expect(demo.find((o) => o.offering.state === "Paused")?.offering.pausedReason).toMatch(/GPU nodes/);

    const { rows: shown } = await listOfferings(
      d,
      null,
      { states: ["Active"], ordering: "name" },
      { limit: 100, offset: 0 },
    );
    expect(shown.map((o) => o.offering.name)).toEqual(
      expect.arrayContaining(["Alpine Cloud VMs", "Alpine Object Storage", "Nordic HPC Cluster"]),
    );
    expect(
      shown.some((o) =>
        ["Alpine GPU Notebooks", "Nordic Tape Archive", "Nordic Object Storage"].includes(o.offering.name),
      ),
    ).toBe(false);
    expect(shown.find((o) => o.offering.name === "Nordic HPC Cluster")?.providerId).toBe("ncc-hpc"); // its provider page lists it
    // Active plans are priced for customers; every plan of the new offerings has its components' prices
    const vms = (await listActivePlansWithPrices(d)).filter((p) => p.offeringName === "Alpine Cloud VMs");
    expect(vms.map((p) => p.planName).sort()).toEqual(["Research group", "Starter"]);
    expect(vms.find((p) => p.planName === "Starter")!.prices.map((p) => [p.componentType, Number(p.price)])).toEqual([
      ["vcpu_hours", 0.012],
      ["ram_hours", 0.003],
      ["volumes", 20],
    ]);
  });
});
