import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customerProviderInstances, providerInstances, tenantCustomers, tenants } from "@/drizzle/schema";
import { demoSeedSteps } from "@/drizzle/seed";
import { runSeedSteps } from "@/lib/demo/seed-steps";
import { getDb } from "@/lib/db/client";
import { planPricesOfProvider } from "./plan-prices";
import { normaliseProviderCustomerData } from "./provider-customer-data";

describe("tenancy demo seed", () => {
  it("creates a demo tenant whose Microsoft data passes the same validation as the API's", async () => {
    const db = await getDb();
    await runSeedSteps(db, demoSeedSteps);
    const [tenant] = await db.select().from(tenants).where(eq(tenants.domain, "demo-csp.portico.local"));
    expect(tenant).toBeTruthy();
    expect((await db.select().from(tenantCustomers).where(eq(tenantCustomers.tenantId, tenant.id))).length).toBe(2);
    const links = await db
      .select()
      .from(customerProviderInstances)
      .where(eq(customerProviderInstances.tenantId, tenant.id));
    const ms = links.find((l) => l.providerCustomerData);
    expect(() => normaliseProviderCustomerData("microsoft", ms!.providerCustomerData)).not.toThrow();
    // the reseller's customer buys a Portico provider whose Active demo offering has priced plans
    const instances = await db.select().from(providerInstances).where(eq(providerInstances.tenantId, tenant.id));
    const portico = instances.find((i) => i.type === "portico");
    expect(portico?.providerPk).toBeTruthy();
    const prices = await planPricesOfProvider(db, portico!.providerPk!);
    expect(prices.map((p) => p.offeringName)).toContain("Nordic HPC Cluster");
  });
});
