import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, events, notifications, registrationRequests } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { announceExpiredRegistrations } from "@/lib/registration/expiry";
import { requestRegistration } from "@/lib/registration/request-registration";
import { signRegistration } from "@/lib/registration/sign-registration";
import { createTestUser, unique } from "@/lib/testing/fixtures";
import { insertApiToken } from "@/lib/tokens/create-api-token";
import { announceExpiringTokens } from "@/lib/tokens/expiring";

const DAY = 86_400_000;

async function told(kind: string, subjectId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.kind, kind), eq(events.subjectId, subjectId)));
  return Promise.all(
    rows.map(async (e) => ({
      ...e,
      to: (await db.select().from(notifications).where(eq(notifications.eventId, e.id))).map((n) => n.userId).sort(),
    })),
  );
}

async function registration() {
  const db = await getDb();
  const id = unique("exp");
  const { token, row } = await requestRegistration(
    { db, actor: null, correlationId: randomUUID() },
    {
      specification: {
        id,
        domain: `${id}.example.org`,
        https: true,
        port: null,
        product: { id: "", category: "", provider: "x" },
      },
      origin: "integration_module",
    },
  );
  return { token, row };
}

describe("expiry events", () => {
  it("registration.expired: once per undecided request past its time; the signer (and admins for a signed one) hear", async () => {
    const db = await getDb();
    const admin = await createTestUser({ role: "admin" });
    const signer = await createTestUser();
    const signed = await registration();
    await signRegistration({ db, actor: signer.actor, correlationId: randomUUID() }, signed.token);
    const unsigned = await registration();
    const alive = await registration();
    const past = new Date(Date.now() - 1000);
    for (const r of [signed, unsigned])
      await db.update(registrationRequests).set({ expiresAt: past }).where(eq(registrationRequests.id, r.row.id));

    await announceExpiredRegistrations(db);
    await announceExpiredRegistrations(db); // a second run, as every process runs the job
    const [s, ...again] = await told("registration.expired", signed.row.id);
    expect(again).toEqual([]);
    expect(s.to).toContain(signer.user.id);
    expect(s.to).toContain(admin.user.id);
    expect(s.body).toContain("signed but not decided");
    expect(s.body).not.toContain(signed.token); // never the registration token
    const [u] = await told("registration.expired", unsigned.row.id);
    expect(u.to).not.toContain(admin.user.id); // nobody signed it: it never reached the admins' queue
    expect(u.to).not.toContain(signer.user.id);
    expect(await told("registration.expired", alive.row.id)).toEqual([]);
  });

  it("token.expiring: once per live token expiring within 7 days, to its owner only", async () => {
    const db = await getDb();
    const owner = await createTestUser();
    const other = await createTestUser();
    const soon = await insertApiToken(db, owner.user.id, { name: "ci", expiresAt: new Date(Date.now() + 3 * DAY) });
    const later = await insertApiToken(db, owner.user.id, {
      name: "later",
      expiresAt: new Date(Date.now() + 30 * DAY),
    });
    const never = await insertApiToken(db, owner.user.id, { name: "forever", expiresAt: null });
    const revoked = await insertApiToken(db, owner.user.id, { name: "gone", expiresAt: new Date(Date.now() + DAY) });
    await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, revoked.row.id));

    await Promise.all([announceExpiringTokens(db), announceExpiringTokens(db)]); // two processes at once
    await announceExpiringTokens(db); // and the next day's run
    const [e, ...again] = await told("token.expiring", soon.row.id);
    expect(again).toEqual([]);
    expect(e.to).toEqual([owner.user.id]);
    expect(e.to).not.toContain(other.user.id);
    expect(e).toMatchObject({ link: "/tokens" });
    expect(`${e.title} ${e.body} ${JSON.stringify(e.data)}`).not.toContain(soon.row.prefix);
    for (const t of [later, never, revoked]) expect(await told("token.expiring", t.row.id)).toEqual([]);

    // 23 days on, the later one is within a week too
    await announceExpiringTokens(db, new Date(Date.now() + 24 * DAY));
    expect(await told("token.expiring", later.row.id)).toHaveLength(1);
  });
});
