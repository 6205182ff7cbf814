import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, mailOutbox, notifications, organisationMembers, users } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { deliverDueMails } from "@/lib/mail/deliver-mail";
import { approveRegistration } from "@/lib/registration/approve-registration";
import { rejectRegistration } from "@/lib/registration/reject-registration";
import { requestRegistration } from "@/lib/registration/request-registration";
import { signRegistration } from "@/lib/registration/sign-registration";
import { createTestOrganisation, createTestUser, unique } from "@/lib/testing/fixtures";
import { startTestSmtpServer } from "@/lib/testing/smtp-sink";
import { emitEvent } from "./emit-event";
import { resolveRecipients } from "./resolve-recipients";

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  process.env.PORTICO_SMTP_URL = smtp.url;
  process.env.PORTICO_PUBLIC_URL = "https://portico.example.org/";
});
afterAll(async () => {
  delete process.env.PORTICO_SMTP_URL;
  delete process.env.PORTICO_PUBLIC_URL;
  await smtp.close();
});

const ctxOf = async (actor: Awaited<ReturnType<typeof createTestUser>>["actor"] | null) => ({
  db: await getDb(),
  actor,
  correlationId: randomUUID(),
});

async function registration() {
  const id = unique("prov");
  const spec = {
    id,
    domain: `${id}.example.org`,
    https: true,
    port: null,
    product: { id: "", category: "", provider: "x" },
  };
  const { token, row } = await requestRegistration(await ctxOf(null), {
    specification: spec,
    origin: "integration_module",
  });
  return { id, token, row };
}

async function noticesOf(eventId: string) {
  const db = await getDb();
  return db
    .select({ userId: notifications.userId, mail: mailOutbox })
    .from(notifications)
    .leftJoin(mailOutbox, eq(mailOutbox.id, notifications.mailId))
    .where(eq(notifications.eventId, eventId));
}

const eventOf = async (kind: string, subjectId: string) =>
  (
    await (
      await getDb()
    )
      .select()
      .from(events)
      .where(and(eq(events.kind, kind), eq(events.subjectId, subjectId)))
  )[0];

describe("domain events and who hears them", () => {
  it("a signed and approved registration: admins hear of the request, the signer gets the approval e-mail", async () => {
    const admin = await createTestUser({ role: "admin" });
    const otherAdmin = await createTestUser({ role: "admin" });
    const sysadmin = await createTestUser();
    const bystander = await createTestUser();
    const { id, token, row } = await registration();

    const requested = await eventOf("registration.requested", row.id);
    const toRequested = (await noticesOf(requested.id)).map((n) => n.userId);
    expect(toRequested).toEqual(expect.arrayContaining([admin.user.id, otherAdmin.user.id]));
    expect(toRequested).not.toContain(sysadmin.user.id);
    expect(requested.link).toBe("/approvals");

    await signRegistration(await ctxOf(sysadmin.actor), token);
    const signed = await eventOf("registration.signed", row.id);
    expect((await noticesOf(signed.id)).map((n) => n.userId)).not.toContain(sysadmin.user.id); // they did it

    const { provider } = await approveRegistration(await ctxOf(admin.actor), { token });
    const approved = await eventOf("registration.approved", provider.id);
    expect(approved).toMatchObject({ organisationId: provider.organisationId, link: `/providers/${id}` });
    expect(approved.data).toMatchObject({ registrationId: row.id, providerId: id });
    const told = await noticesOf(approved.id);
    expect(told.map((n) => n.userId)).toEqual([sysadmin.user.id]); // not the approving admin, not a bystander
    expect(told.map((n) => n.userId)).not.toContain(bystander.user.id);
    expect(told[0].mail).toMatchObject({ status: "pending", toAddress: sysadmin.user.email, purpose: "notification" });

    await deliverDueMails(await getDb(), { onlyId: told[0].mail!.id });
    const mail = await smtp.waitForMail(sysadmin.user.email);
    expect(mail.subject).toBe(`Provider registration approved: ${id}`);
    expect(mail.text).toContain(`Hello ${sysadmin.user.name},`);
    expect(mail.text).toContain(`https://portico.example.org/providers/${id}`);
    expect(mail.html).toContain(`href="https://portico.example.org/providers/${id}"`);
    // no secret ever in a message: not the registration token, not the refresh token
    expect(mail.raw).not.toContain(token);
    expect(mail.raw).not.toMatch(/prq_|ptk_|-----BEGIN/);
  });

  it("a rejection tells the signer why", async () => {
    const admin = await createTestUser({ role: "admin" });
    const sysadmin = await createTestUser();
    const { token, row } = await registration();
    await signRegistration(await ctxOf(sysadmin.actor), token);
    await rejectRegistration(await ctxOf(admin.actor), { token }, "Unknown institution");
    const rejected = await eventOf("registration.rejected", row.id);
    expect(rejected.body).toContain("Unknown institution");
    expect((await noticesOf(rejected.id)).map((n) => n.userId)).toEqual([sysadmin.user.id]);
  });

  it("recipients follow the authorization rules: an organisation's owners and managers, active people only", async () => {
    const db = await getDb();
    const owner = await createTestUser();
    const manager = await createTestUser();
    const member = await createTestUser();
    const inactive = await createTestUser();
    const service = await createTestUser({ kind: "service" });
    const org = await createTestOrganisation(owner.user.id);
    await db.insert(organisationMembers).values([
      { organisationId: org.id, userId: manager.user.id, role: "manager" },
      { organisationId: org.id, userId: member.user.id, role: "member" },
      { organisationId: org.id, userId: inactive.user.id, role: "owner" },
      { organisationId: org.id, userId: service.user.id, role: "owner" },
    ]);
    await db.update(users).set({ isActive: false }).where(eq(users.id, inactive.user.id));
    const ids = (await resolveRecipients(db, { organisationId: org.id })).map((r) => r.id).sort();
    expect(ids).toEqual([owner.user.id, manager.user.id].sort());
    expect((await resolveRecipients(db, { organisationId: org.id }, owner.user.id)).map((r) => r.id)).toEqual([
      manager.user.id,
    ]);
    expect(await resolveRecipients(db, { users: ["not-a-uuid", null] })).toEqual([]);
    expect(await resolveRecipients(db, {})).toEqual([]);
  });

  it("happens only when the change commits, and a dedupe key makes it happen once", async () => {
    const db = await getDb();
    const person = await createTestUser();
    const key = unique("once");
    const input = {
      kind: "registration.rejected" as const,
      subject: { type: "test", id: key },
      title: "Once",
      link: "/",
      audience: { users: [person.user.id] },
      dedupeKey: key,
    };
    await expect(
      db.transaction(async (tx) => {
        await emitEvent(tx, { actor: null, correlationId: randomUUID() }, input);
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db.select().from(events).where(eq(events.dedupeKey, key))).toEqual([]);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, person.user.email))).toEqual([]);

    const first = await emitEvent(db, { actor: null, correlationId: randomUUID() }, input);
    expect(first?.recipients.map((r) => r.id)).toEqual([person.user.id]);
    expect(await emitEvent(db, { actor: null, correlationId: randomUUID() }, input)).toBeNull();
    const mails = await db
      .select()
      .from(mailOutbox)
      .where(inArray(mailOutbox.toAddress, [person.user.email]));
    expect(mails).toHaveLength(1);
  });
});
