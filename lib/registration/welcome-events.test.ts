import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { events, notifications, organisationMembers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { createTestUser, unique } from "@/lib/testing/fixtures";
import { startIntegrationModule } from "@/lib/testing/integration-module";
import { approveRegistration } from "./approve-registration";
import { requestRegistration } from "./request-registration";
import { signRegistration } from "./sign-registration";
import { deliverDueWelcomes } from "./welcome-outbox";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  delete process.env.PORTICO_WELCOME_ALERT_AFTER;
  delete process.env.PORTICO_WELCOME_MAX_ATTEMPTS;
  while (cleanups.length) await cleanups.pop()!();
});

async function approvedProvider(failTimes: number) {
  const im = await startIntegrationModule({ failTimes });
  cleanups.push(im.close);
  const db = await getDb();
  const correlationId = randomUUID();
  const signer = await createTestUser();
  const admin = await createTestUser({ role: "admin" });
  const id = unique("im");
  const { token } = await requestRegistration(
    { db, actor: null, correlationId },
    {
      specification: {
        id,
        domain: "127.0.0.1",
        https: false,
        port: im.port,
        product: { id: "", category: "", provider: "x" },
      },
      origin: "integration_module",
    },
  );
  await signRegistration({ db, actor: signer.actor, correlationId }, token);
  const { outbox, provider } = await approveRegistration({ db, actor: admin.actor, correlationId }, { token });
  const manager = await createTestUser();
  const member = await createTestUser();
  await db.insert(organisationMembers).values([
    { organisationId: provider.organisationId!, userId: manager.user.id, role: "manager" as const },
    { organisationId: provider.organisationId!, userId: member.user.id, role: "member" as const },
  ]);
  return { outbox, provider, signer, admin, manager, member };
}

async function welcomeEvents(outboxId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(events)
    .where(and(like(events.kind, "welcome.%"), like(events.dedupeKey, `%${outboxId}`)));
  return Promise.all(
    rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(async (e) => ({
        ...e,
        to: (await db.select().from(notifications).where(eq(notifications.eventId, e.id))).map((n) => n.userId).sort(),
      })),
  );
}

/** Runs attempts one after the other, each a day later than the one before (so always due). */
let clock = Date.now();
async function attempt(id: string, times: number) {
  const db = await getDb();
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++)
    outcomes.push(
      ...(await deliverDueWelcomes(db, { onlyId: id, now: new Date((clock += 86_400_000)) })).map((r) => r.outcome),
    );
  return outcomes;
}

describe("welcome delivery events", () => {
  it("failing after N attempts (once), then recovered: the signer and the organisation's owners and managers hear", async () => {
    process.env.PORTICO_WELCOME_ALERT_AFTER = "2";
    const { outbox, provider, signer, admin, manager, member } = await approvedProvider(3);
    expect(await attempt(outbox.id, 1)).toEqual(["retry"]);
    expect(await welcomeEvents(outbox.id)).toEqual([]); // one failure is not yet "failing"

    expect(await attempt(outbox.id, 2)).toEqual(["retry", "retry"]); // the 2nd and the 3rd fail
    const [failing, ...more] = await welcomeEvents(outbox.id);
    expect(more).toEqual([]); // the 3rd failure tells no one again
    expect(failing).toMatchObject({
      kind: "welcome.failing",
      organisationId: provider.organisationId,
      link: `/providers/${provider.id}?tab=registration`,
    });
    expect(failing.body).toContain("2 attempts");
    expect(failing.body).toContain("HTTP 500");
    expect(failing.to).toEqual([signer.user.id, manager.user.id].sort());
    for (const nobody of [member, admin]) expect(failing.to).not.toContain(nobody.user.id);

    expect(await attempt(outbox.id, 1)).toEqual(["delivered"]);
    const all = await welcomeEvents(outbox.id);
    expect(all.map((e) => e.kind)).toEqual(["welcome.failing", "welcome.recovered"]);
    expect(all[1].to).toEqual([signer.user.id, manager.user.id].sort());
    expect(all[1].data).toMatchObject({ attempts: 4 });
  });

  it("a welcome that fails less often than N tells no one; one that gives up sooner is failing at once", async () => {
    process.env.PORTICO_WELCOME_ALERT_AFTER = "5";
    const quiet = await approvedProvider(2);
    expect(await attempt(quiet.outbox.id, 3)).toEqual(["retry", "retry", "delivered"]);
    expect(await welcomeEvents(quiet.outbox.id)).toEqual([]); // no "failing", so no "recovered" either

    process.env.PORTICO_WELCOME_MAX_ATTEMPTS = "2";
    const doomed = await approvedProvider(10);
    expect(await attempt(doomed.outbox.id, 2)).toEqual(["retry", "failed"]);
    const [failing] = await welcomeEvents(doomed.outbox.id);
    expect(failing.data).toMatchObject({ gaveUp: true, attempts: 2 });
    expect(failing.body).toContain("gave up");
  });
});
