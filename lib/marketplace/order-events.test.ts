import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as approve } from "@/app/api/marketplace-orders/[uuid]/approve_by_provider/route";
import { events, notifications } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { toUuid } from "@/lib/offerings/refs";
import { call } from "@/lib/testing/fixtures";
import { changeOrderState } from "./change-order-state";
import { marketplaceFixture, placeTestOrder } from "./testing/fixture";

async function told(kind: string, orderId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.kind, kind), eq(events.subjectId, orderId)));
  return Promise.all(
    rows.map(async (e) => ({
      ...e,
      to: (await db.select().from(notifications).where(eq(notifications.eventId, e.id))).map((n) => n.userId).sort(),
    })),
  );
}

describe("order events", () => {
  it("placed: the offering's managers hear; approved over the Waldur API: the orderer hears", async () => {
    const f = await marketplaceFixture();
    const order = await placeTestOrder(f);
    const orderId = toUuid(order.uuid)!;
    const [placed, ...again] = await told("order.placed", orderId);
    expect(again).toEqual([]);
    expect(placed.to).toEqual([f.providerOwner.user.id]); // the agent is a service account: no inbox
    for (const nobody of [f.member, f.outsider, f.staff]) expect(placed.to).not.toContain(nobody.user.id);

    const res = await call(approve, "POST", "/", {
      token: f.agent.token,
      scheme: "Token",
      params: { uuid: order.uuid },
    });
    expect(res.status, res.text).toBe(200);
    const [approved] = await told("order.approved", orderId);
    expect(approved.to).toEqual([f.member.user.id]);
    expect(approved.to).not.toContain(f.outsider.user.id);
    expect(await told("order.rejected", orderId)).toEqual([]);
  });

  it("rejected with a reason: the orderer hears why; a refused transition tells no one", async () => {
    const f = await marketplaceFixture();
    const order = await placeTestOrder(f);
    const orderId = toUuid(order.uuid)!;
    const ctx = { db: await getDb(), actor: f.providerOwner.actor, correlationId: randomUUID() };
    await changeOrderState(ctx, orderId, "reject_by_provider", { comment: "No capacity left" });
    await expect(changeOrderState(ctx, orderId, "approve_by_provider")).rejects.toThrow(/Valid states/);
    const [rejected] = await told("order.rejected", orderId);
    expect(rejected.body).toContain("No capacity left");
    expect(rejected.to).toEqual([f.member.user.id]);
    expect(await told("order.approved", orderId)).toEqual([]);
  });
});
