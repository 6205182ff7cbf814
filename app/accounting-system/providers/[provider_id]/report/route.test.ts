import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { metricDefinitions } from "@/drizzle/schema";
import { POST as BULK } from "@/app/accounting-system/installations/[id]/metrics/bulk/route";
import { GET as PROJECT_REPORT } from "@/app/accounting-system/projects/[project_id]/providers/[provider_id]/report/route";
import { GET as EXTERNAL_REPORT } from "@/app/accounting-system/providers/external/report/route";
import { accountingFixture, addCapacity, type AccountingFixture } from "@/lib/accounting/testing/fixture";
import { call, createTestUser, db } from "@/lib/testing/fixtures";
import { GET as GLOBAL_REPORT } from "./route";

type Rec = { time_period_start: string; time_period_end: string; value: number; user_id?: string };

async function post(f: AccountingFixture, records: Rec[], installationId = f.installationId, metricId = f.metricId) {
  const res = await call(BULK, "POST", `/accounting-system/installations/${installationId}/metrics/bulk`, {
    token: f.owner.token,
    params: { id: installationId },
    body: records.map((r) => ({ metric_definition_id: metricId, ...r })),
  });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

const globalReport = (f: AccountingFixture, start: string, end: string, token = f.owner.token) =>
  call(GLOBAL_REPORT, "GET", `/accounting-system/providers/${f.providerId}/report?start=${start}&end=${end}`, {
    token,
    params: { provider_id: f.providerId },
  });

describe("provider reports (seed 002)", () => {
  it("replays the seed's per-project report field by field", async () => {
    const f = await accountingFixture();
    await addCapacity(f, 1000, "2022-01-01");
    await post(f, [
      { time_period_start: "2022-01-05T09:00:00Z", time_period_end: "2022-01-05T10:00:00Z", value: 1234.56 },
    ]);
    const res = await call(
      PROJECT_REPORT,
      "GET",
      `/accounting-system/projects/${f.projectId}/providers/${f.providerId}/report?start=2022-01-01&end=2022-01-31`,
      {
        token: f.owner.token,
        params: { project_id: f.projectId, provider_id: f.providerId },
      },
    );
    expect(res.status, res.text).toBe(200);
    // "storage" in TB hours is defined once per database; on PostgreSQL another test file may define it first.
    const [definition] = await (
      await db()
    )
      .select({ description: metricDefinitions.metricDescription })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.id, f.metricId));
    const metric = {
      metric_definition_id: f.metricId,
      metric_name: "storage",
      metric_description: definition.description,
      unit_type: "TB hours",
      metric_type: "aggregated",
    };
    expect(res.json).toEqual({
      provider_id: f.providerId,
      name: `Provider ${f.providerId}`,
      website: "https://example.org",
      abbreviation: f.providerId.toUpperCase(),
      logo: "https://example.org/logo.png",
      aggregated_metrics: [{ ...metric, total_value: 1234.56 }],
      data: [
        {
          installation_id: f.installationId,
          project: f.projectId,
          provider: f.providerId,
          installation: "GRNET-KNS",
          infrastructure: "okeanos-knossos",
          resource: "cloud",
          external_id: f.externalId,
          // The seed shows usage_percentage 75 for 1234.56 / 1000, which contradicts its own formula;
          // we follow the formula: round(1.23456, 4 decimals, half-up) × 100 = 123.46.
          data: [
            {
              ...metric,
              periods: [
                {
                  from: "2022-01-01T00:00:00Z",
                  to: "2022-01-31T23:59:59Z",
                  total_value: 1234.56,
                  capacity_value: 1000,
                  usage_percentage: 123.46,
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("replays the seed's global report: reports[] and aggregated_metrics[] summed over installations", async () => {
    const f = await accountingFixture();
    const second = await (
      await import("@/lib/accounting/installations")
    ).createInstallation(
      { db: await (await import("@/lib/db/client")).getDb(), actor: f.admin.actor, correlationId: "c" },
      {
        project: f.projectId,
        organisation: f.providerId,
        infrastructure: "okeanos-knossos",
        // The seed's second GRNET-KNS is in another project; in this one a name is taken once (ARGO's 409).
        installation: "GRNET-KNS-2",
        resource: "cloud",
        external_id: `${f.externalId}-2`,
        unit_of_access: f.metricId,
      },
    );
    await addCapacity(f, 1000, "2022-02-01", second.id);
    await post(f, [
      { time_period_start: "2022-01-05T09:13:07Z", time_period_end: "2022-01-05T09:13:07Z", value: 1234.56 },
    ]);
    await post(
      f,
      [{ time_period_start: "2022-02-10T00:00:00Z", time_period_end: "2022-02-11T00:00:00Z", value: 1234.56 }],
      second.id,
    );
    const res = await globalReport(f, "2022-01-01", "2022-02-28");
    expect(res.status, res.text).toBe(200);
    expect(Object.keys(res.json)).toEqual(["reports", "aggregated_metrics"]);
    expect(res.json.aggregated_metrics).toEqual([
      expect.objectContaining({ metric_definition_id: f.metricId, metric_name: "storage", total_value: 2469.12 }),
    ]);
    const [report] = res.json.reports;
    expect(report).toMatchObject({
      provider_id: f.providerId,
      external_id: null,
      aggregated_metrics: [expect.objectContaining({ total_value: 2469.12 })],
    });
    expect(report.data).toHaveLength(2);
    const periodsOf = (id: string) =>
      report.data.find((d: { installation_id: string }) => d.installation_id === id).data[0].periods;
    expect(periodsOf(f.installationId)).toEqual([
      {
        from: "2022-01-01T00:00:00Z",
        to: "2022-02-28T23:59:59Z",
        total_value: 1234.56,
        capacity_value: null,
        usage_percentage: null,
      },
    ]);
    expect(periodsOf(second.id)).toEqual([
      {
        from: "2022-01-01T00:00:00Z",
        to: "2022-01-31T23:59:59Z",
        total_value: 0,
        capacity_value: null,
        usage_percentage: null,
      },
      {
        from: "2022-02-01T00:00:00Z",
        to: "2022-02-28T23:59:59Z",
        total_value: 1234.56,
        capacity_value: 1000,
        usage_percentage: 123.46,
      },
    ]);
  });

  it("cuts periods where capacity changes, splits straddling records pro rata and keeps capacity 0 at null %", async () => {
    const f = await accountingFixture();
    await addCapacity(f, 100, "2024-01-10");
    await addCapacity(f, 0, "2024-01-20");
    await addCapacity(f, 400, "2024-01-25");
    await post(f, [
      // 2 days straddling the 10th: half before the first capacity, half after
      { time_period_start: "2024-01-09T00:00:00Z", time_period_end: "2024-01-11T00:00:00Z", value: 50 },
      // straddles two boundaries (20th and 25th): 10 days, 1 before, 5 in the zero period, 4 after
      { time_period_start: "2024-01-19T00:00:00Z", time_period_end: "2024-01-29T00:00:00Z", value: 100 },
      // quarter-day pieces across midnight
      { time_period_start: "2024-01-12T18:00:00Z", time_period_end: "2024-01-13T06:00:00Z", value: 33.333 },
    ]);
    const res = await globalReport(f, "2024-01-01", "2024-01-31");
    expect(res.status, res.text).toBe(200);
    const periods = res.json.reports[0].data[0].data[0].periods;
    expect(periods).toEqual([
      {
        from: "2024-01-01T00:00:00Z",
        to: "2024-01-09T23:59:59Z",
        total_value: 25,
        capacity_value: null,
        usage_percentage: null,
      },
      {
        from: "2024-01-10T00:00:00Z",
        to: "2024-01-19T23:59:59Z",
        total_value: 25 + 10 + 33.333,
        capacity_value: 100,
        usage_percentage: 68.33,
      },
      {
        from: "2024-01-20T00:00:00Z",
        to: "2024-01-24T23:59:59Z",
        total_value: 50,
        capacity_value: 0,
        usage_percentage: null,
      },
      {
        from: "2024-01-25T00:00:00Z",
        to: "2024-01-31T23:59:59Z",
        total_value: 40,
        capacity_value: 400,
        usage_percentage: 10,
      },
    ]);
    expect(res.json.aggregated_metrics[0].total_value).toBe(183.333);
  });

  it("rounds usage_percentage half-up at 4 decimals and uses a capacity registered before the range", async () => {
    const f = await accountingFixture();
    await addCapacity(f, 8, "2023-06-01");
    await post(f, [
      { time_period_start: "2024-03-01T00:00:00Z", time_period_end: "2024-03-01T01:00:00Z", value: 0.00044 },
    ]); // 0.000055 → 0.0001 → 0.01 %
    const res = await globalReport(f, "2024-03-01", "2024-03-31");
    expect(res.json.reports[0].data[0].data[0].periods).toEqual([
      {
        from: "2024-03-01T00:00:00Z",
        to: "2024-03-31T23:59:59Z",
        total_value: 0.00044,
        capacity_value: 8,
        usage_percentage: 0.01,
      },
    ]);
  });

  it("answers a range with no data with empty metrics, and clips records at the range edges", async () => {
    const f = await accountingFixture();
    const empty = await globalReport(f, "2024-01-01", "2024-01-31");
    expect(empty.status).toBe(200);
    expect(empty.json.aggregated_metrics).toEqual([]);
    expect(empty.json.reports[0].data[0].data).toEqual([]);
    await post(f, [{ time_period_start: "2023-12-31T00:00:00Z", time_period_end: "2024-01-02T00:00:00Z", value: 10 }]);
    const clipped = await globalReport(f, "2024-01-01", "2024-01-31");
    expect(clipped.json.aggregated_metrics[0].total_value).toBe(5);
  });

  it("rejects missing, malformed and reversed ranges with 400 in ARGO's shape", async () => {
    const f = await accountingFixture();
    for (const q of [
      "",
      "?start=2024-01-01",
      "?start=2024-13-01&end=2024-12-31",
      "?start=2024-02-01&end=2024-01-01",
      "?start=01/01/2024&end=2024-02-01",
    ]) {
      const res = await call(GLOBAL_REPORT, "GET", `/accounting-system/providers/${f.providerId}/report${q}`, {
        token: f.owner.token,
        params: { provider_id: f.providerId },
      });
      expect(res.status, q).toBe(400);
      expect(res.json.code).toBe(400);
      expect(typeof res.json.message).toBe("string");
    }
  });

  it("lets admin, support, owners and granted viewers read; refuses others", async () => {
    const f = await accountingFixture();
    const stranger = await createTestUser();
    expect((await globalReport(f, "2024-01-01", "2024-01-31", stranger.token)).status).toBe(403);
    const support = await createTestUser({ role: "support" });
    expect((await globalReport(f, "2024-01-01", "2024-01-31", support.token)).status).toBe(200);
    const viewer = await createTestUser();
    const db = await (await import("@/lib/db/client")).getDb();
    const { providerAccessGrants } = await import("@/drizzle/schema");
    await db.insert(providerAccessGrants).values({
      projectId: f.projectId,
      providerId: f.providerId,
      subject: viewer.user.id,
      role: "viewer",
      source: "acl",
    });
    const res = await call(
      PROJECT_REPORT,
      "GET",
      `/accounting-system/projects/${f.projectId}/providers/${f.providerId}/report?start=2024-01-01&end=2024-01-31`,
      { token: viewer.token, params: { project_id: f.projectId, provider_id: f.providerId } },
    );
    expect(res.status).toBe(200);
    const other = await call(
      PROJECT_REPORT,
      "GET",
      `/accounting-system/projects/other/providers/${f.providerId}/report?start=2024-01-01&end=2024-01-31`,
      { token: viewer.token, params: { project_id: "other", provider_id: f.providerId } },
    );
    expect(other.status).toBe(403);
    expect(
      (
        await call(GLOBAL_REPORT, "GET", "/accounting-system/providers/nope/report?start=2024-01-01&end=2024-01-02", {
          token: f.admin.token,
          params: { provider_id: "nope" },
        })
      ).status,
    ).toBe(404);
  });

  it("serves the external-id form with the installation's data only", async () => {
    const f = await accountingFixture();
    await post(f, [{ time_period_start: "2024-05-01T00:00:00Z", time_period_end: "2024-05-01T00:00:00Z", value: 7 }]);
    const res = await call(
      EXTERNAL_REPORT,
      "GET",
      `/accounting-system/providers/external/report?externalId=${f.externalId}&start=2024-05-01&end=2024-05-31`,
      { token: f.owner.token },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.json.reports[0]).toMatchObject({ provider_id: f.providerId, external_id: f.externalId });
    expect(res.json.reports[0].data.map((d: { external_id: string }) => d.external_id)).toEqual([f.externalId]);
    expect(res.json.aggregated_metrics[0].total_value).toBe(7);
    const missing = await call(
      EXTERNAL_REPORT,
      "GET",
      `/accounting-system/providers/external/report?externalId=nope&start=2024-05-01&end=2024-05-31`,
      { token: f.owner.token },
    );
    expect(missing.status).toBe(404);
  });
});

describe("chart series", () => {
  it("groups usage per installation by month; at each bucket's end the capacity in force against its period so far", async () => {
    const { GET: SERIES } = await import("../usage-series/route");
    const f = await accountingFixture();
    await addCapacity(f, 100, "2024-02-15");
    const res0 = await call(BULK, "POST", `/accounting-system/installations/${f.installationId}/metrics/bulk`, {
      token: f.owner.token,
      params: { id: f.installationId },
      body: [
        {
          metric_definition_id: f.metricId,
          time_period_start: "2024-01-31T12:00:00Z",
          time_period_end: "2024-02-01T12:00:00Z",
          value: 10,
        },
        {
          metric_definition_id: f.metricId,
          time_period_start: "2024-03-03T00:00:00Z",
          time_period_end: "2024-03-03T00:00:00Z",
          value: 150,
        },
      ],
    });
    expect(res0.status).toBe(201);
    const res = await call(
      SERIES,
      "GET",
      `/accounting-system/providers/${f.providerId}/usage-series?start=2024-01-15&end=2024-03-31&group=month`,
      { token: f.owner.token, params: { provider_id: f.providerId } },
    );
    expect(res.status, res.text).toBe(200);
    const [series] = res.json.series;
    expect(series.metric_name).toBe("storage");
    expect(series.buckets).toEqual([
      {
        label: "2024-01",
        from: "2024-01-15",
        to: "2024-01-31",
        partial: true, // the range cuts January
        values: { [f.installationId]: 5 },
        total_value: 5,
        capacity_value: null,
        capacity_used_value: null,
        usage_percentage: null,
      },
      {
        // February's 5 came before the capacity period began on the 15th: 0 of the budget used
        label: "2024-02",
        from: "2024-02-01",
        to: "2024-02-29",
        partial: false,
        values: { [f.installationId]: 5 },
        total_value: 5,
        capacity_value: 100,
        capacity_used_value: 0,
        usage_percentage: 0,
      },
      {
        label: "2024-03",
        from: "2024-03-01",
        to: "2024-03-31",
        partial: false,
        values: { [f.installationId]: 150 },
        total_value: 150,
        capacity_value: 100,
        capacity_used_value: 150,
        usage_percentage: 150,
      },
    ]);
    const bad = await call(
      SERIES,
      "GET",
      `/accounting-system/providers/${f.providerId}/usage-series?start=2024-01-15&end=2024-03-31&group=hour`,
      { token: f.owner.token, params: { provider_id: f.providerId } },
    );
    expect(bad.status).toBe(400);
  });
});
