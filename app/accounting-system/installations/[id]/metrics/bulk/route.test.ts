import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as GLOBAL_REPORT } from "@/app/accounting-system/providers/[provider_id]/report/route";
import { accountingFixture, type AccountingFixture } from "@/lib/accounting/testing/fixture";
import { sqlRows } from "@/lib/accounting/sql-rows";
import { getDb } from "@/lib/db/client";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { POST as POST_ONE } from "../route";
import { POST as BULK } from "./route";

const url = (f: AccountingFixture) => `/accounting-system/installations/${f.installationId}/metrics/bulk`;
const rec = (f: AccountingFixture, i: number, extra: Record<string, unknown> = {}) => ({
  metric_definition_id: f.metricId,
  time_period_start: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace(".000Z", "Z"),
  time_period_end: new Date(Date.UTC(2024, 0, 1) + (i + 1) * 3_600_000).toISOString().replace(".000Z", "Z"),
  value: 1,
  ...extra,
});
const bulk = (f: AccountingFixture, opts: { body?: unknown; rawBody?: string; type?: string; token?: string }) =>
  call(BULK, "POST", url(f), {
    token: opts.token ?? f.owner.token,
    params: { id: f.installationId },
    body: opts.body,
    rawBody: opts.rawBody,
    headers: opts.type ? { "content-type": opts.type } : undefined,
  });

async function stored(f: AccountingFixture): Promise<{ n: number; sum: number; rolled: number }> {
  const [row] = await sqlRows<{ n: number; sum: number; rolled: number }>(
    await getDb(),
    sql`select (select count(*)::int from usage_records r join installations i on i.pk = r.installation_pk where i.id = ${f.installationId}) as n,
      (select coalesce(sum(value), 0)::float8 from usage_records r join installations i on i.pk = r.installation_pk where i.id = ${f.installationId}) as sum,
      (select coalesce(sum(value), 0)::float8 from usage_daily d join installations i on i.pk = d.installation_pk where i.id = ${f.installationId}) as rolled`,
  );
  return { n: Number(row.n), sum: Number(row.sum), rolled: Number(row.rolled) };
}

describe("usage ingestion", () => {
  it("stores a JSON array once: duplicates within and across batches are counted, not stored", async () => {
    const f = await accountingFixture();
    const first = await bulk(f, { body: [rec(f, 0), rec(f, 1), rec(f, 0), rec(f, 2, { record_id: "r-1" })] });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ code: 201, received: 4, inserted: 3, duplicates: 1 });
    // same natural key again, and a different period under an already used client record id
    const second = await bulk(f, { body: [rec(f, 1), rec(f, 3), rec(f, 9, { record_id: "r-1" })] });
    expect(second.json).toMatchObject({ received: 3, inserted: 1, duplicates: 2 });
    expect(await stored(f)).toEqual({ n: 4, sum: 4, rolled: 4 });
  });

  it("takes NDJSON and CSV uploads", async () => {
    const f = await accountingFixture();
    const ndjson = [rec(f, 0), rec(f, 1)].map((r) => JSON.stringify(r)).join("\n") + "\n";
    const a = await bulk(f, { rawBody: ndjson, type: "application/x-ndjson" });
    expect(a.status, a.text).toBe(201);
    expect(a.json.inserted).toBe(2);
    const r = rec(f, 2, { value: 2.5 });
    const csv = `metric_definition_id,time_period_start,time_period_end,value,user_id\r\n${f.metricId},${r.time_period_start},${r.time_period_end},2.5,"alice, the user"\r\n`;
    const b = await bulk(f, { rawBody: csv, type: "text/csv" });
    expect(b.status, b.text).toBe(201);
    expect(b.json).toMatchObject({ inserted: 1, duplicates: 0 });
    expect(await stored(f)).toEqual({ n: 3, sum: 4.5, rolled: 4.5 });
  });

  it("rejects a bad row in the middle of 10,000 naming row and field, and writes nothing", async () => {
    const f = await accountingFixture();
    const records: Record<string, unknown>[] = Array.from({ length: 10_000 }, (_, i) => rec(f, i));
    records[5000] = { ...records[5000], value: "lots" };
    records[7000] = { ...records[7000], time_period_end: "2023-01-01T00:00:00Z" };
    const res = await bulk(f, { body: records });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(400);
    expect(res.json.message).toMatch(/row 5001, field value/);
    expect(Object.keys(res.json.errors)).toEqual(["rows.5001.value", "rows.7001.time_period_end"]);
    expect(await stored(f)).toEqual({ n: 0, sum: 0, rolled: 0 });
  });

  it("rejects unknown metric definitions, malformed lines and unknown CSV columns with 400", async () => {
    const f = await accountingFixture();
    const unknownMetric = await bulk(f, { body: [rec(f, 0), rec(f, 1, { metric_definition_id: "nope" })] });
    expect(unknownMetric.status).toBe(400);
    expect(unknownMetric.json.errors).toHaveProperty(["rows.2.metric_definition_id"]);
    const badLine = await bulk(f, { rawBody: `${JSON.stringify(rec(f, 0))}\n{oops\n`, type: "application/x-ndjson" });
    expect(badLine.status).toBe(400);
    expect(badLine.json.errors).toHaveProperty(["rows.2"]);
    const badCsv = await bulk(f, { rawBody: "metric,value\nx,1\n", type: "text/csv" });
    expect(badCsv.status).toBe(400);
    const notArray = await bulk(f, { body: { records: [] } });
    expect(notArray.status).toBe(400);
    const unknownField = await bulk(f, { body: [{ ...rec(f, 0), colour: "red" }] });
    expect(unknownField.status).toBe(400);
    const wrongType = await bulk(f, { rawBody: "<xml/>", type: "application/xml" });
    expect(wrongType.status).toBe(415);
    expect(await stored(f)).toEqual({ n: 0, sum: 0, rolled: 0 });
  });

  it("keeps two clients' concurrent overlapping batches exact", async () => {
    const f = await accountingFixture();
    const collector = await createTestUser();
    const { providerAccessGrants } = await import("@/drizzle/schema");
    await (await getDb()).insert(providerAccessGrants).values({
      projectId: f.projectId,
      providerId: f.providerId,
      subject: collector.user.id,
      role: "collector",
      source: "acl",
    });
    const a = Array.from({ length: 3000 }, (_, i) => rec(f, i));
    const b = Array.from({ length: 3000 }, (_, i) => rec(f, 3000 - 1 - i + 1500)); // overlaps a on 1500..2999, reversed order
    const [ra, rb] = await Promise.all([bulk(f, { body: a }), bulk(f, { body: b, token: collector.token })]);
    expect(ra.status, ra.text).toBe(201);
    expect(rb.status, rb.text).toBe(201);
    expect(ra.json.inserted + rb.json.inserted).toBe(4500);
    expect(await stored(f)).toEqual({ n: 4500, sum: 4500, rolled: 4500 });
    const report = await call(
      GLOBAL_REPORT,
      "GET",
      `/accounting-system/providers/${f.providerId}/report?start=2024-01-01&end=2024-12-31`,
      { token: f.owner.token, params: { provider_id: f.providerId } },
    );
    expect(report.json.aggregated_metrics[0].total_value).toBe(4500);
  });

  it("refuses strangers and read-only viewers; 404 for unknown installations", async () => {
    const f = await accountingFixture();
    const stranger = await createTestUser();
    expect((await bulk(f, { body: [rec(f, 0)], token: stranger.token })).status).toBe(403);
    const viewer = await createTestUser();
    const { providerAccessGrants } = await import("@/drizzle/schema");
    await (await getDb()).insert(providerAccessGrants).values({
      projectId: f.projectId,
      providerId: f.providerId,
      subject: viewer.user.id,
      role: "viewer",
      source: "acl",
    });
    expect((await bulk(f, { body: [rec(f, 0)], token: viewer.token })).status).toBe(403);
    const res = await call(BULK, "POST", "/accounting-system/installations/nope/metrics/bulk", {
      token: f.admin.token,
      params: { id: "nope" },
      body: [rec(f, 0)],
    });
    expect(res.status).toBe(404);
    expect(await stored(f)).toEqual({ n: 0, sum: 0, rolled: 0 });
  });

  it("lets a provider's access token post usage for its own installations only", async () => {
    const f = await accountingFixture();
    const other = await accountingFixture();
    const db = await getDb();
    const { postUsageRecord } = await import("@/lib/accounting/usage-records");
    const machine = await createTestUser({ kind: "service" });
    const providerActor = { ...machine.actor, via: "access-token" as const, providerId: f.providerId };
    const ok = await postUsageRecord({ db, actor: providerActor, correlationId: "c" }, f.installationId, rec(f, 0));
    expect(ok.created).toBe(true);
    await expect(
      postUsageRecord({ db, actor: providerActor, correlationId: "c" }, other.installationId, rec(other, 0)),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers a single record with 201 and its repeat with 200 and the same metric_id", async () => {
    const f = await accountingFixture();
    const body = rec(f, 0, { user_id: "u1" });
    const one = await call(POST_ONE, "POST", `/accounting-system/installations/${f.installationId}/metrics`, {
      token: f.owner.token,
      params: { id: f.installationId },
      body,
    });
    expect(one.status, one.text).toBe(201);
    expect(one.json).toMatchObject({
      metric_definition_id: f.metricId,
      value: 1,
      user_id: "u1",
      time_period_start: body.time_period_start,
    });
    const again = await call(POST_ONE, "POST", `/accounting-system/installations/${f.installationId}/metrics`, {
      token: f.owner.token,
      params: { id: f.installationId },
      body,
    });
    expect(again.status).toBe(200);
    expect(again.json.metric_id).toBe(one.json.metric_id);
  });
});
