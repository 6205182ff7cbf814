import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/me/home/route";
import { ingestUsage } from "@/lib/accounting/ingest-usage";
import { accountingFixture, addCapacity } from "@/lib/accounting/testing/fixture";
import { call, createTestUser, db } from "@/lib/testing/fixtures";
import { homeFor } from "./home";

describe("a home per person", () => {
  it("gives a provider admin their provider, this month's usage against the capacity period, and what to do", async () => {
    const f = await accountingFixture();
    const d = await db();
    const now = new Date("2025-06-20T12:00:00Z");
    await addCapacity(f, 100, "2025-05-25");
    await ingestUsage({ db: d, actor: f.owner.actor, correlationId: "c" }, f.installationId, [
      // before this month, but inside the capacity period: counts against the budget, not in "this month"
      {
        metric_definition_id: f.metricId,
        time_period_start: "2025-05-28T00:00:00Z",
        time_period_end: "2025-05-29T00:00:00Z",
        value: 60,
      },
      {
        metric_definition_id: f.metricId,
        time_period_start: "2025-06-03T00:00:00Z",
        time_period_end: "2025-06-04T00:00:00Z",
        value: 50,
      },
    ]);
    const home = await homeFor(d, f.owner.actor, now);
    expect(home.kind).toBe("provider");
    expect(home.providers).toEqual([
      expect.objectContaining({ id: f.providerId, registration: null, welcome: "none" }),
    ]);
    expect(home.usage).toHaveLength(1);
    expect(home.usage[0]).toMatchObject({
      metricName: "storage",
      month: 50,
      capacity: 100,
      capacityUsed: 110,
      usagePercentage: 110,
    });
    expect(home.usage[0].daily).toHaveLength(20);
    expect(home.usage[0].daily[2]).toBe(50);
    expect(home.nextSteps.map((s) => s.key)).toEqual(["capacity:storage", "offering"]);
    expect(home.queue).toEqual([]);

    // the same home over the portal API
    const res = await call(GET, "GET", "/api/me/home", { token: f.owner.token });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ kind: "provider", providers: [{ id: f.providerId }] });
  });

  it("gives a member no provider sections, staff the federation or support home", async () => {
    const d = await db();
    const member = await createTestUser();
    const home = await homeFor(d, member.actor);
    expect(home).toMatchObject({ kind: "member", providers: [], offerings: [], usage: [], projects: [] });
    expect(home.nextSteps.map((s) => s.key)).toEqual(["catalogue"]);
    const admin = await createTestUser({ role: "admin" });
    expect((await homeFor(d, admin.actor)).kind).toBe("federation");
    const support = await createTestUser({ role: "support" });
    const s = await homeFor(d, support.actor);
    expect(s.kind).toBe("support");
    expect(s.offerings.map((o) => o.state)).toEqual(["Draft", "Active", "Paused", "Archived"]);
    const anon = await call(GET, "GET", "/api/me/home");
    expect(anon.status).toBe(401);
  });
});
