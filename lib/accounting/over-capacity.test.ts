import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as POST_ONE } from "@/app/accounting-system/installations/[id]/metrics/route";
import { PATCH } from "@/app/accounting-system/installations/[id]/metrics/[metricId]/route";
import { POST as BULK } from "@/app/accounting-system/installations/[id]/metrics/bulk/route";
import {
  events,
  notifications,
  organisationMembers,
  providers,
  webhookDeliveries,
  webhookEndpoints,
} from "@/drizzle/schema";
import { encryptSecret } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { call, createTestOrganisation, createTestUser } from "@/lib/testing/fixtures";
import { accountingFixture, addCapacity, type AccountingFixture } from "./testing/fixture";

const at = (day: string, hour: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000).toISOString().replace(".000Z", "Z");
const rec = (f: AccountingFixture, day: string, hour: number, value: number) => ({
  metric_definition_id: f.metricId,
  time_period_start: at(day, hour),
  time_period_end: at(day, hour + 1),
  value,
});
const path = (f: AccountingFixture) => `/accounting-system/installations/${f.installationId}/metrics`;
const bulk = (f: AccountingFixture, body: unknown[], token = f.admin.token) =>
  call(BULK, "POST", `${path(f)}/bulk`, { token, params: { id: f.installationId }, body });

async function overEvents(f: AccountingFixture) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.kind, "usage.over_capacity"), eq(events.subjectId, f.installationId)));
  return Promise.all(
    rows
      .sort((a, b) =>
        String((a.data as { periodStart: string }).periodStart).localeCompare(
          String((b.data as { periodStart: string }).periodStart),
        ),
      )
      .map(async (e) => ({
        ...e,
        to: (await db.select().from(notifications).where(eq(notifications.eventId, e.id))).map((n) => n.userId).sort(),
      })),
  );
}

/** The fixture's provider in an organisation with a manager and a plain member, and a webhook of that organisation. */
async function setting() {
  const f = await accountingFixture();
  const db = await getDb();
  const orgOwner = await createTestUser();
  const manager = await createTestUser();
  const member = await createTestUser();
  const bystander = await createTestUser();
  const org = await createTestOrganisation(orgOwner.user.id);
  await db.insert(organisationMembers).values([
    { organisationId: org.id, userId: manager.user.id, role: "manager" as const },
    { organisationId: org.id, userId: member.user.id, role: "member" as const },
  ]);
  await db.update(providers).set({ organisationId: org.id }).where(eq(providers.id, f.providerId));
  const [hook] = await db
    .insert(webhookEndpoints)
    .values({
      organisationId: org.id,
      url: "https://hooks.example.org/portico",
      kinds: [],
      secretCiphertext: encryptSecret("whsec_test", "webhook-secret"),
      secretPrefix: "whsec_test",
      createdBy: orgOwner.user.id,
    })
    .returning();
  await addCapacity(f, 10, "2024-01-01");
  await addCapacity(f, 100, "2024-02-01");
  return { f, org, orgOwner, manager, member, bystander, hook };
}

describe("usage over capacity", () => {
  it("is raised once per capacity period when ingested usage passes the capacity; the provider's owners hear", async () => {
    const { f, org, orgOwner, manager, member, bystander, hook } = await setting();
    const first = await bulk(
      f,
      [0, 1, 2, 3, 4, 5].map((h) => rec(f, "2024-01-10", h, 1)),
    );
    expect(first.status, first.text).toBe(201);
    expect(await overEvents(f)).toEqual([]); // 6 of 10

    // a single record through ARGO's POST …/metrics takes it to 10: not over yet
    const one = await call(POST_ONE, "POST", path(f), {
      token: f.admin.token,
      params: { id: f.installationId },
      body: rec(f, "2024-01-11", 0, 4),
    });
    expect(one.status, one.text).toBe(201);
    expect(await overEvents(f)).toEqual([]);

    expect((await bulk(f, [rec(f, "2024-01-20", 0, 0.5)])).status).toBe(201); // 10.5 of 10
    const [jan] = await overEvents(f);
    expect(jan).toMatchObject({
      organisationId: org.id,
      link: `/providers/${f.providerId}?tab=usage`,
      title: "Over capacity: storage on GRNET-KNS",
    });
    expect(jan.data).toMatchObject({ capacity: 10, used: 10.5, periodStart: "2024-01-01", periodEnd: "2024-02-01" });
    expect(jan.to).toEqual([f.owner.user.id, orgOwner.user.id, manager.user.id].sort());
    for (const nobody of [member, bystander, f.admin]) expect(jan.to).not.toContain(nobody.user.id);
    const db = await getDb();
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, jan.id))).toMatchObject([
      { endpointId: hook.id },
    ]);

    // more usage in the same period, and a repeat of a stored batch: no second event
    expect((await bulk(f, [rec(f, "2024-01-21", 0, 3)])).status).toBe(201);
    expect((await bulk(f, [rec(f, "2024-01-20", 0, 0.5)])).json).toMatchObject({ inserted: 0 });
    expect(await overEvents(f)).toHaveLength(1);

    // February has a capacity of its own (100): 20 is under it
    expect((await bulk(f, [rec(f, "2024-02-02", 0, 20)])).status).toBe(201);
    expect(await overEvents(f)).toHaveLength(1);
  }, 180_000); // the first call compiles the routes

  it("a correction through PATCH that passes the capacity raises it too", async () => {
    const { f } = await setting();
    const posted = await call(POST_ONE, "POST", path(f), {
      token: f.admin.token,
      params: { id: f.installationId },
      body: rec(f, "2024-02-03", 0, 50),
    });
    expect(posted.status, posted.text).toBe(201);
    const id = String(posted.json.id ?? posted.json.metric_id ?? posted.json._id);
    expect(await overEvents(f)).toEqual([]);
    const patched = await call(PATCH, "PATCH", `${path(f)}/${id}`, {
      token: f.admin.token,
      params: { id: f.installationId, metricId: id },
      body: { value: 150 },
    });
    expect(patched.status, patched.text).toBe(200);
    const [feb] = await overEvents(f);
    expect(feb.data).toMatchObject({ capacity: 100, used: 150, periodStart: "2024-02-01", periodEnd: null });
  });

  it("two batches passing the capacity at the same time raise it once", async () => {
    const { f } = await setting();
    const results = await Promise.all([
      bulk(f, [rec(f, "2024-01-05", 0, 8), rec(f, "2024-01-05", 1, 8)]),
      bulk(f, [rec(f, "2024-01-05", 2, 8), rec(f, "2024-01-05", 3, 8)]),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(await overEvents(f)).toHaveLength(1);
  });
});
