import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDays } from "./days";
import { ingestUsage } from "./ingest-usage";
import { globalProviderReport } from "./read-reports";
import { accountingFixture, addCapacity } from "./testing/fixture";
import { usageSeries } from "./usage-series";

describe("usage series", () => {
  it("compares each day with its capacity period so far, agreeing with the ARGO report; marks today partial", async () => {
    const f = await accountingFixture();
    const db = await getDb();
    const ctx = { db, actor: f.owner.actor, correlationId: "c" };
    const today = "2025-06-30";
    await addCapacity(f, 1000, "2025-06-10");
    const records = Array.from({ length: 30 }, (_, k) => ({
      metric_definition_id: f.metricId,
      time_period_start: `${addDays("2025-06-01", k)}T00:00:00Z`,
      time_period_end: `${addDays("2025-06-02", k)}T00:00:00Z`,
      value: 50,
    }));
    await ingestUsage(ctx, f.installationId, records);
    const range = { start: "2025-06-01", end: today };
    const s = await usageSeries(ctx, { providerId: f.providerId, range, group: "day" }, today);
    const b = s.series[0].buckets;
    expect(b).toHaveLength(30);
    expect(b[0]).toMatchObject({
      total: 50,
      capacity: null,
      capacityUsed: null,
      usagePercentage: null,
      partial: false,
    });
    // the budget of 1000 holds from the 10th: day k of the period has used 50 × k of it, not 50 of a "daily" 1000
    expect(b[9]).toMatchObject({ from: "2025-06-10", total: 50, capacity: 1000, capacityUsed: 50, usagePercentage: 5 });
    expect(b[28]).toMatchObject({ total: 50, capacityUsed: 1000, usagePercentage: 100, partial: false });
    expect(b[29]).toMatchObject({ from: today, total: 50, capacityUsed: 1050, usagePercentage: 105, partial: true });

    const report = await globalProviderReport(ctx, f.providerId, range);
    const last = report.reports[0].installations[0].metrics[0].periods.at(-1)!;
    expect(last).toMatchObject({ from: "2025-06-10", total: b[29].capacityUsed, capacity: 1000 });
    expect(last.usagePercentage).toBe(b[29].usagePercentage);

    const monthly = await usageSeries(ctx, { providerId: f.providerId, range, group: "month" }, "2025-07-15");
    expect(monthly.series[0].buckets).toEqual([
      expect.objectContaining({ label: "2025-06", total: 1500, capacityUsed: 1050, capacity: 1000, partial: false }),
    ]);
  });
});
