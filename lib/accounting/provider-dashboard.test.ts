import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDays } from "./days";
import { ingestUsage } from "./ingest-usage";
import { providerDashboard } from "./provider-dashboard";
import { accountingFixture, addCapacity } from "./testing/fixture";

describe("provider dashboard", () => {
  it("totals 30 days and 12 months, ranks installations and flags capacity over 80 %", async () => {
    const f = await accountingFixture();
    const db = await getDb();
    const today = "2025-06-30";
    await addCapacity(f, 100, "2025-06-01");
    const ctx = { db, actor: f.owner.actor, correlationId: "c" };
    await ingestUsage(ctx, f.installationId, [
      {
        metric_definition_id: f.metricId,
        time_period_start: `${addDays(today, -2)}T00:00:00Z`,
        time_period_end: `${addDays(today, -1)}T00:00:00Z`,
        value: 90,
      },
      {
        metric_definition_id: f.metricId,
        time_period_start: "2025-01-10T00:00:00Z",
        time_period_end: "2025-01-11T00:00:00Z",
        value: 500,
      },
    ]);
    const d = await providerDashboard(ctx, f.providerId, today);
    expect(d.totals).toEqual([{ metricName: "storage", unit: "TB hours", last30: 90, last365: 590 }]);
    expect(d.top[0].installations).toEqual([{ id: f.installationId, installation: "GRNET-KNS", total: 90 }]);
    expect(d.alerts).toEqual([
      expect.objectContaining({ installationId: f.installationId, usagePercentage: 90, over: false }),
    ]);
    expect(d.monthly.series[0].buckets).toHaveLength(12);
  });
});
