import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/testing/fixtures";
import { ingestUsage } from "./ingest-usage";
import { previousMonth, providerUsageSummary } from "./provider-usage-summary";
import { accountingFixture, addCapacity } from "./testing/fixture";

describe("provider usage summary", () => {
  it("takes the last full calendar month, across a year end", () => {
    expect(previousMonth("2025-06-15")).toEqual({ start: "2025-05-01", end: "2025-05-31" });
    expect(previousMonth("2026-01-01")).toEqual({ start: "2025-12-01", end: "2025-12-31" });
    expect(previousMonth("2024-03-31")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
  });

  it("totals last month per installation with the capacity in force at its end, and refuses a stranger", async () => {
    const f = await accountingFixture();
    const db = await getDb();
    const ctx = { db, actor: f.owner.actor, correlationId: "c" };
    await addCapacity(f, 100, "2025-05-01");
    await addCapacity(f, 250, "2025-05-20");
    const day = (d: string, value: number) => ({
      metric_definition_id: f.metricId,
      time_period_start: `${d}T00:00:00Z`,
      time_period_end: `${d}T12:00:00Z`,
      value,
    });
    await ingestUsage(ctx, f.installationId, [
      day("2025-04-30", 1000),
      day("2025-05-02", 40),
      day("2025-05-25", 35),
      day("2025-06-02", 7),
    ]);

    const s = await providerUsageSummary(ctx, f.providerId, "2025-06-15");
    expect(s.month).toEqual({ start: "2025-05-01", end: "2025-05-31" });
    expect(s.installations).toEqual([
      {
        id: f.installationId,
        installation: "GRNET-KNS",
        projectId: f.projectId,
        metrics: [{ metricName: "storage", unit: "TB hours", total: 75, capacity: 250 }],
      },
    ]);
    expect(s.totals).toEqual([{ metricName: "storage", unit: "TB hours", total: 75 }]);

    const stranger = await createTestUser();
    await expect(
      providerUsageSummary({ db, actor: stranger.actor, correlationId: "c" }, f.providerId, "2025-06-15"),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
