import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { webhookAttempts, webhookDeliveries } from "@/drizzle/schema";
import { getDb, type Db } from "@/lib/db/client";
import { backoffAfter, claimDueRows } from "@/lib/jobs/claim-due-rows";
import { emitEvent } from "@/lib/notifications/emit-event";
import type { EventKind } from "@/lib/notifications/event-kinds";
import { createTestOrganisation, createTestUser, type TestUser } from "@/lib/testing/fixtures";
import { useFreshDatabase } from "@/lib/testing/fresh-database";
import { otherPool, restartDb } from "@/lib/testing/other-pool";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { createWebhook } from "./create-webhook";
import { deliverDueWebhooks } from "./deliver-webhooks";
import { listWebhookDeliveries } from "./queries";
import { redeliverWebhook } from "./redeliver-webhook";
import { updateWebhookSettings } from "./settings";
import { verifyWebhook } from "./signature";
import { updateWebhook } from "./update-webhook";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

let admin: TestUser;
const ctx = (u: TestUser) => ({ db: null as unknown as Db, actor: u.actor, correlationId: randomUUID() });
const as = async (u: TestUser) => ({ ...ctx(u), db: await getDb() });
const allowPrivate = async (allow: boolean) => updateWebhookSettings(await as(admin), { allowPrivateTargets: allow });

let drop: () => Promise<void>;
// A database of its own on PostgreSQL: the workers below drain every due delivery, and the admin setting
// that allows private targets must not leak into other files running at the same time.
beforeAll(async () => {
  drop = await useFreshDatabase();
  admin = await createTestUser({ role: "admin" });
  await allowPrivate(true); // the receivers listen on 127.0.0.1
  process.env.PORTICO_PUBLIC_URL = "https://portico.example.org";
});
afterAll(async () => {
  await allowPrivate(false);
  delete process.env.PORTICO_PUBLIC_URL;
  await drop();
});

async function receiver(opts: Parameters<typeof startWebhookReceiver>[0] = {}) {
  const r = await startWebhookReceiver(opts);
  cleanups.push(r.close);
  return r;
}

async function orgWithWebhook(url: string, kinds: EventKind[] = []) {
  const owner = await createTestUser();
  const org = await createTestOrganisation(owner.user.id);
  const hook = await createWebhook(await as(owner), org.id, { url, kinds });
  return { owner, org, hook };
}

async function happen(organisationId: string, kind: EventKind = "registration.approved") {
  const db = await getDb();
  const told = await emitEvent(
    db,
    { actor: null, correlationId: randomUUID() },
    {
      kind,
      subject: { type: "provider", id: "nordic" },
      organisationId,
      title: "Provider registration approved: nordic",
      link: "/providers/nordic",
      data: { providerId: "nordic" },
      audience: {},
    },
  );
  const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, told!.event.id));
  return { event: told!.event, deliveries };
}

describe("webhooks", () => {
  it("POSTs a Standard Webhooks message its receiver verifies with the endpoint's secret", async () => {
    const r = await receiver();
    const { org, hook } = await orgWithWebhook(r.url);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { event, deliveries } = await happen(org.id);
    expect(deliveries).toHaveLength(1);
    const db = await getDb();
    expect(await deliverDueWebhooks(db, { onlyId: deliveries[0].id })).toEqual([
      { id: deliveries[0].id, outcome: "delivered" },
    ]);
    expect(r.received).toHaveLength(1);
    const got = r.received[0];
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.id).toBe(deliveries[0].id);
    expect(Math.abs(Number(got.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(got.signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifyWebhook(hook.secret, got, got.body)).toBe(true);
    expect(verifyWebhook(hook.secret, got, got.body.replace("nordic", "evil"))).toBe(false);
    expect(verifyWebhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`, got, got.body)).toBe(false);
    expect(verifyWebhook(hook.secret, got, got.body, { now: Date.now() + 600_000 })).toBe(false); // a replay
    expect(JSON.parse(got.body)).toEqual({
      type: "registration.approved",
      timestamp: event.createdAt.toISOString(),
      data: {
        providerId: "nordic",
        eventId: event.id,
        subject: { type: "provider", id: "nordic" },
        organisationId: org.id,
        title: "Provider registration approved: nordic",
        link: "https://portico.example.org/providers/nordic",
      },
    });
    expect(got.body).not.toContain(hook.secret);
    expect(await deliverDueWebhooks(db, { onlyId: deliveries[0].id })).toEqual([]); // never twice
  });

  it("sends only the kinds an endpoint asked for, only to active endpoints of the event's organisation", async () => {
    const r = await receiver();
    const { org, owner, hook } = await orgWithWebhook(r.url, ["registration.rejected"]);
    expect((await happen(org.id, "registration.approved")).deliveries).toHaveLength(0);
    expect((await happen(org.id, "registration.rejected")).deliveries).toHaveLength(1);
    const other = await orgWithWebhook(r.url);
    expect((await happen(org.id, "registration.rejected")).deliveries.map((d) => d.endpointId)).toEqual([hook.id]);
    await updateWebhook(await as(owner), org.id, hook.id, { active: false });
    expect((await happen(org.id, "registration.rejected")).deliveries).toHaveLength(0);
    expect((await happen(other.org.id)).deliveries).toHaveLength(1);
  });

  it("retries with exponential backoff and logs every attempt", async () => {
    const r = await receiver({ failTimes: 2 });
    const { org } = await orgWithWebhook(r.url);
    const [d] = (await happen(org.id)).deliveries;
    const db = await getDb();
    const t0 = new Date();
    expect((await deliverDueWebhooks(db, { onlyId: d.id, now: t0 }))[0].outcome).toBe("retry");
    const [first] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d.id));
    expect(first.nextAttemptAt.getTime() - t0.getTime()).toBe(backoffAfter(1, 30_000));
    expect(await deliverDueWebhooks(db, { onlyId: d.id, now: new Date(first.nextAttemptAt.getTime() - 1) })).toEqual(
      [],
    );
    expect((await deliverDueWebhooks(db, { onlyId: d.id, now: first.nextAttemptAt }))[0].outcome).toBe("retry");
    const [second] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d.id));
    expect(second.nextAttemptAt.getTime() - first.nextAttemptAt.getTime()).toBe(backoffAfter(2, 30_000));
    expect((await deliverDueWebhooks(db, { onlyId: d.id, now: second.nextAttemptAt }))[0].outcome).toBe("delivered");
    const log = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, d.id));
    expect(log.map((a) => [a.attempt, a.ok, a.httpStatus]).sort()).toEqual([
      [1, false, 503],
      [2, false, 503],
      [3, true, 204],
    ]);
    expect(log.find((a) => a.attempt === 1)?.response).toBe("receiver not ready");
    expect(new Set(r.received.map((m) => m.id))).toEqual(new Set([d.id]));
  });

  it("redelivers on request with the same webhook-id, and shows it in the delivery log", async () => {
    const r = await receiver();
    const { org, owner, hook } = await orgWithWebhook(r.url);
    const [d] = (await happen(org.id)).deliveries;
    const db = await getDb();
    await deliverDueWebhooks(db, { onlyId: d.id });
    await redeliverWebhook(await as(owner), org.id, hook.id, d.id);
    expect((await deliverDueWebhooks(db, { onlyId: d.id }))[0].outcome).toBe("delivered");
    expect(r.received.map((m) => m.id)).toEqual([d.id, d.id]);
    const log = await listWebhookDeliveries(db, hook.id, { page: 1, size: 20 });
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({ id: d.id, status: "delivered", attempts: 2, kind: "registration.approved" });
    expect(log.items[0].log.map((a) => a.httpStatus)).toEqual([204, 204]);
    const stranger = await createTestUser();
    await expect(redeliverWebhook(await as(stranger), org.id, hook.id, d.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses private targets unless the admin setting allows them, at creation and at every delivery", async () => {
    const r = await receiver();
    const { org, owner } = await orgWithWebhook(r.url); // created while allowed
    await allowPrivate(false);
    try {
      for (const url of ["http://127.0.0.1:9/x", "http://[::1]/x", "http://169.254.169.254/latest", "http://10.0.0.7/"])
        await expect(createWebhook(await as(owner), org.id, { url })).rejects.toMatchObject({
          code: "validation",
          fieldErrors: { url: [expect.stringMatching(/^Refused/)] },
        });
      const [d] = (await happen(org.id)).deliveries;
      expect((await deliverDueWebhooks(await getDb(), { onlyId: d.id }))[0].outcome).toBe("failed");
      expect(r.hits()).toBe(0);
      const [row] = await (await getDb()).select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d.id));
      expect(row.lastError).toMatch(/^Refused: 127\.0\.0\.1/);
    } finally {
      await allowPrivate(true);
    }
  });

  it("delivers each message once when several workers and pools run at once, and after a worker dies mid-claim", async () => {
    const r = await receiver({ delayMs: 100 });
    const { org } = await orgWithWebhook(r.url);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await happen(org.id)).deliveries[0].id);
    let db = await getDb();
    const now = new Date();
    const crashed = await claimDueRows(db, webhookDeliveries, { now, limit: 1, leaseMs: 60_000, onlyId: ids[0] });
    expect(crashed.rows).toHaveLength(1);
    db = await restartDb(db);
    const second = await otherPool();
    cleanups.push(second.end);
    const runs = await Promise.all(
      [db, second.db, db, second.db].map((d, i) => deliverDueWebhooks(d, { worker: `w${i}`, limit: 50, now })),
    );
    const mine = runs.flat().filter((x) => ids.includes(x.id));
    expect(mine.map((x) => x.id).sort()).toEqual(ids.slice(1).sort()); // the crashed claim's lease still holds
    expect(await deliverDueWebhooks(db, { onlyId: ids[0], now: new Date(now.getTime() + 61_000) })).toEqual([
      { id: ids[0], outcome: "delivered" },
    ]);
    expect(r.received.map((m) => m.id).sort()).toEqual([...ids].sort());
    const attempts = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
    expect(attempts).toHaveLength(5);
  });
});
