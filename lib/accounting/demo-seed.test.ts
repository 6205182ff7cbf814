import { describe, expect, it } from "vitest";
import { seedDemo } from "@/drizzle/seed";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/testing/fixtures";
import { addDays } from "./days";
import { globalProviderReport } from "./read-reports";

describe("accounting demo seed", () => {
  it("gives the demo provider a year of usage that the report reads", async () => {
    const db = await getDb();
    await seedDemo(db);
    const admin = await createTestUser({ role: "admin" });
    const today = new Date().toISOString().slice(0, 10);
    const report = await globalProviderReport({ db, actor: admin.actor, correlationId: "c" }, "ncc-hpc", {
      start: addDays(today, -30),
      end: today,
    });
    expect(report.reports[0].installations.length).toBeGreaterThanOrEqual(3);
    expect(report.aggregated.map((a) => a.metric.metricName).sort()).toEqual(
      expect.arrayContaining(["cpu_time", "storage"]),
    );
    expect(report.aggregated.every((a) => a.total > 0)).toBe(true);
  });
});
