import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  events,
  notifications,
  offeringUserRoles,
  organisationMembers,
  webhookDeliveries,
  webhookEndpoints,
} from "@/drizzle/schema";
import { POST as activateRoute } from "@/app/api/marketplace-provider-offerings/[uuid]/activate/route";
import { encryptSecret } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db/client";
import { call, createTestUser, type TestUser } from "@/lib/testing/fixtures";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering } from "@/lib/testing/waldur-offering";
import { changeOfferingState } from "./change-offering-state";
import { toUuid } from "./refs";

const as = async (u: TestUser) => ({ db: await getDb(), actor: u.actor, correlationId: randomUUID() });

async function offeringEvents(offeringId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, "offering"), eq(events.subjectId, offeringId)));
  return Promise.all(
    rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map(async (e) => ({
        ...e,
        to: (await db.select().from(notifications).where(eq(notifications.eventId, e.id))).map((n) => n.userId).sort(),
      })),
  );
}

async function setting() {
  const db = await getDb();
  const staff = await createTestUser({ role: "admin" });
  const otherAdmin = await createTestUser({ role: "admin" });
  const owner = await createTestUser();
  const manager = await createTestUser();
  const member = await createTestUser();
  const offeringManager = await createTestUser();
  const bystander = await createTestUser();
  const { customer, category } = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
  const organisationId = toUuid(customer.uuid)!;
  await db.insert(organisationMembers).values([
    { organisationId, userId: manager.user.id, role: "manager" as const },
    { organisationId, userId: member.user.id, role: "member" as const },
  ]);
  const offering = await createTestOffering(owner.token, customer.url, category.url);
  const offeringId = toUuid(offering.uuid)!;
  await db.insert(offeringUserRoles).values({ offeringId, userId: offeringManager.user.id, role: "OFFERING.MANAGER" });
  const [hook] = await db
    .insert(webhookEndpoints)
    .values({
      organisationId,
      url: "https://hooks.example.org/portico",
      kinds: ["offering.activated", "offering.archived"],
      secretCiphertext: encryptSecret("whsec_test", "webhook-secret"),
      secretPrefix: "whsec_test",
      createdBy: owner.user.id,
    })
    .returning();
  return {
    staff,
    otherAdmin,
    owner,
    manager,
    member,
    offeringManager,
    bystander,
    offering,
    offeringId,
    organisationId,
    hook,
  };
}

describe("offering events", () => {
  it("activated over the Waldur API: the offering's managers hear, not members, bystanders or other admins", async () => {
    const s = await setting();
    const res = await call(activateRoute, "POST", "/", {
      token: s.staff.token,
      scheme: "Token",
      params: { uuid: s.offering.uuid },
    });
    expect(res.status).toBe(201);
    const [activated] = await offeringEvents(s.offeringId);
    expect(activated).toMatchObject({
      kind: "offering.activated",
      organisationId: s.organisationId,
      link: `/offerings/${s.offeringId}`,
      actorId: s.staff.user.id,
    });
    expect(activated.data).toMatchObject({ offeringId: s.offeringId, from: "Draft", to: "Active" });
    expect(activated.to).toEqual([s.owner.user.id, s.manager.user.id, s.offeringManager.user.id].sort());
    for (const nobody of [s.member, s.bystander, s.otherAdmin, s.staff])
      expect(activated.to).not.toContain(nobody.user.id);
    // the organisation's webhook that asked for this kind gets it
    const db = await getDb();
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, activated.id))).toMatchObject([
      { endpointId: s.hook.id },
    ]);
  });

  it("paused, activated again and archived from the portal's service: one event per change, none for a refused or no-op one", async () => {
    const s = await setting();
    const ctx = await as(s.owner);
    await changeOfferingState(ctx, s.offeringId, "activate");
    await changeOfferingState(await as(s.owner), s.offeringId, "pause", { pausedReason: "Maintenance" });
    await expect(changeOfferingState(await as(s.owner), s.offeringId, "pause")).rejects.toThrow(/cannot pause/);
    await changeOfferingState(await as(s.offeringManager), s.offeringId, "unpause");
    await changeOfferingState(await as(s.owner), s.offeringId, "archive");
    await changeOfferingState(await as(s.owner), s.offeringId, "archive"); // already Archived: nothing happened
    await changeOfferingState(await as(s.owner), s.offeringId, "draft"); // back to Draft tells no one
    const all = await offeringEvents(s.offeringId);
    expect(all.map((e) => e.kind)).toEqual([
      "offering.activated",
      "offering.paused",
      "offering.activated",
      "offering.archived",
    ]);
    const paused = all[1];
    expect(paused.body).toContain("Reason: Maintenance");
    // whoever made the change is not told of it
    expect(paused.to).toEqual([s.manager.user.id, s.offeringManager.user.id].sort());
    expect(all[2].to).toEqual([s.owner.user.id, s.manager.user.id].sort());
    const db = await getDb();
    const hooks = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, s.hook.id));
    expect(hooks).toHaveLength(3); // activated twice and archived; the endpoint did not ask for paused
  });
});
