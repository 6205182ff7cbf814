import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customerProviderInstances, tenantCustomers, tenants } from "@/drizzle/schema";
import { demoSeedSteps } from "@/drizzle/seed";
import { runSeedSteps } from "@/lib/demo/seed-steps";
import { getDb } from "@/lib/db/client";
import { normaliseProviderCustomerData } from "./provider-customer-data";

describe("tenancy demo seed", () => {
  it("creates a demo tenant whose Microsoft data passes the same validation as the API's", async () => {
    const db = await getDb();
    await runSeedSteps(db, demoSeedSteps);
    const [tenant] = await db.select().from(tenants).where(eq(tenants.domain, "demo-csp.portico.local"));
    expect(tenant).toBeTruthy();
    expect((await db.select().from(tenantCustomers).where(eq(tenantCustomers.tenantId, tenant.id))).length).toBe(2);
    const links = await db.select().from(customerProviderInstances).where(eq(customerProviderInstances.tenantId, tenant.id));
    const ms = links.find((l) => l.providerCustomerData);
    expect(() => normaliseProviderCustomerData("microsoft", ms!.providerCustomerData)).not.toThrow();
  });
});
