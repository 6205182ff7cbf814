import { expect } from "vitest";
import { POST as createOffering } from "@/app/api/marketplace-provider-offerings/route";
import { call, unique } from "./fixtures";

/** A SLURM offering body in the seed's shape, for the given customer and category. */
export const offeringBody = (customerUrl: string, categoryUrl: string, extra: Record<string, unknown> = {}) => ({
  name: `Cluster ${unique()}`,
  description: "Test cluster",
  customer: customerUrl,
  category: categoryUrl,
  components: [
    { type: "node_hours", name: "Node hours", measured_unit: "Node-hours", billing_type: "usage", limit_period: null },
    { type: "storage", name: "Storage", measured_unit: "TB", billing_type: "fixed", limit_period: "month" },
  ],
  plans: [
    {
      name: "Default",
      description: "Default plan",
      unit: "month",
      prices: { node_hours: 0.25, storage: "12.5" },
      quotas: { storage: 2 },
    },
  ],
  type: "Marketplace.Slurm",
  shared: true,
  ...extra,
});

export async function createTestOffering(
  token: string,
  customerUrl: string,
  categoryUrl: string,
  extra: Record<string, unknown> = {},
) {
  const res = await call(createOffering, "POST", "/api/marketplace-provider-offerings/", {
    token,
    scheme: "Token",
    body: offeringBody(customerUrl, categoryUrl, extra),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}
