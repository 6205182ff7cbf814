import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accountLinks, auditEvents, mailOutbox, users } from "@/drizzle/schema";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { sessionActor } from "@/lib/http/request-actor";
import { call, createTestUser, db, sessionCookieFor, unique } from "@/lib/testing/fixtures";
import { startTestSmtpServer } from "@/lib/testing/smtp-sink";
import { POST as requestReset } from "./password-reset/route";
import { POST as completeReset } from "./password-reset/complete/route";
import { POST as requestSignup } from "./signup/route";
import { POST as completeSignup } from "./signup/complete/route";

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  process.env.PORTICO_SMTP_URL = smtp.url;
  process.env.PORTICO_PUBLIC_URL = "https://portico.example.org";
});
afterAll(async () => {
  delete process.env.PORTICO_SMTP_URL;
  delete process.env.PORTICO_PUBLIC_URL;
  await smtp.close();
});
beforeEach(() => void (process.env.PORTICO_SIGNUP = "open"));
afterEach(() => void delete process.env.PORTICO_SIGNUP);

/** Each test comes from its own address, so the per-address limits of one test do not reach another. */
const from = () => ({
  "x-portico-peer-address": `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`,
});
const linkIn = (text: string, path: string) => {
  const m = new RegExp(`https://portico\\.example\\.org${path}\\?token=([A-Za-z0-9_%]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(m[1]);
};
const password = () => `Qv8!${crypto.randomUUID()}`;

describe("self-service sign-up", () => {
  it("is refused while PORTICO_SIGNUP is invite-only (the default) or off, writing nothing", async () => {
    for (const mode of [undefined, "invite-only", "off"]) {
      if (mode) process.env.PORTICO_SIGNUP = mode;
      else delete process.env.PORTICO_SIGNUP;
      const email = `${unique("closed")}@example.test`;
      const res = await call(requestSignup, "POST", "/api/account/signup", {
        body: { email, name: "Closed" },
        headers: from(),
      });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ statusCode: 403, description: expect.stringContaining("invitation") });
      expect(await (await db()).select().from(accountLinks).where(eq(accountLinks.email, email))).toEqual([]);
    }
  });

  it("mails a link to a new address; following it makes the account, which can then sign in", async () => {
    const email = `${unique("ada")}@example.test`;
    const headers = from();
    const asked = await call(requestSignup, "POST", "/api/account/signup", {
      body: { email, name: "Ada Lovelace" },
      headers: { ...headers, "x-correlation-id": "corr-signup" },
    });
    expect(asked.status).toBe(202);
    // Nobody has an account before the link is followed.
    expect(await (await db()).select().from(users).where(eq(users.email, email))).toEqual([]);
    const mail = await smtp.waitForMail(email);
    expect(mail.subject).toBe("Finish signing up to Portico");
    const token = linkIn(mail.text, "/signup/complete");
    expect(token).toMatch(/^psu_/);
    // The link's token is stored only as a digest, and the audit never holds it.
    const [link] = await (await db()).select().from(accountLinks).where(eq(accountLinks.email, email));
    expect(JSON.stringify(link)).not.toContain(token);
    const audit = await (await db()).select().from(auditEvents).where(eq(auditEvents.correlationId, "corr-signup"));
    expect(audit.map((a) => a.action)).toEqual(["account.signup_request"]);
    expect(JSON.stringify(audit)).not.toContain(token);

    const username = unique("ada");
    const weak = await call(completeSignup, "POST", "/api/account/signup/complete", {
      body: { token, username, password: "password123" },
      headers,
    });
    expect(weak.status).toBe(400);
    expect(weak.json.errors).toEqual([{ propertyName: "password", description: expect.any(Array) }]);

    const pw = password();
    const done = await call(completeSignup, "POST", "/api/account/signup/complete", {
      body: { token, username, password: pw },
      headers,
    });
    expect(done.status).toBe(201);
    expect(done.json).toMatchObject({ username, email });
    const signedIn = await verifyCredentials(await db(), email, pw);
    expect(signedIn).toMatchObject({ id: done.json.id, name: "Ada Lovelace", role: "member", kind: "human" });

    const again = await call(completeSignup, "POST", "/api/account/signup/complete", {
      body: { token, username: unique("twice"), password: password() },
      headers,
    });
    expect(again.status).toBe(410);
    expect(again.json.errors).toEqual([{ propertyName: "token", description: expect.any(Array) }]);
  });

  it("answers an address that has an account exactly as a new one, and tells its owner instead", async () => {
    const { user } = await createTestUser();
    const fresh = `${unique("fresh")}@example.test`;
    const a = await call(requestSignup, "POST", "/api/account/signup", {
      body: { email: user.email.toUpperCase(), name: "Someone" },
      headers: from(),
    });
    const b = await call(requestSignup, "POST", "/api/account/signup", {
      body: { email: fresh, name: "Someone" },
      headers: from(),
    });
    expect([a.status, a.text]).toEqual([b.status, b.text]);
    const note = await smtp.waitForMail(user.email);
    expect(note.subject).toBe("You already have a Portico account");
    expect(note.text).not.toMatch(/token=/);
    expect(await (await db()).select().from(accountLinks).where(eq(accountLinks.email, user.email))).toEqual([]);
  });

  it("refuses an expired link, a link replaced by a newer one, a taken username and bad input", async () => {
    const email = `${unique("late")}@example.test`;
    const headers = from();
    await call(requestSignup, "POST", "/api/account/signup", { body: { email, name: "Late" }, headers });
    const first = linkIn((await smtp.waitForMail(email)).text, "/signup/complete");
    await call(requestSignup, "POST", "/api/account/signup", { body: { email, name: "Late" }, headers });
    await smtp.waitForMail((m) => m.envelope.to.includes(email) && !m.text.includes(first));
    const second = linkIn(smtp.received.filter((m) => m.envelope.to.includes(email))[1].text, "/signup/complete");
    const body = (token: string, username = unique("late")) => ({ token, username, password: password() });
    expect((await call(completeSignup, "POST", "/x", { body: body(first), headers })).status).toBe(410);

    const { user: other } = await createTestUser();
    const taken = await call(completeSignup, "POST", "/x", { body: body(second, other.username), headers });
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual([{ propertyName: "username", description: expect.any(Array) }]);

    const invalid = await call(completeSignup, "POST", "/x", {
      body: { token: second, username: "a b", password: "" },
      headers,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual([
      "password",
      "username",
    ]);

    await (
      await db()
    )
      .update(accountLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountLinks.email, email));
    expect((await call(completeSignup, "POST", "/x", { body: body(second), headers })).status).toBe(410);
    expect(await (await db()).select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("refuses an invalid request with every field's message and writes nothing", async () => {
    const res = await call(requestSignup, "POST", "/api/account/signup", {
      body: { email: "not-an-address", name: "", extra: 1 },
      headers: { ...from(), "x-correlation-id": "corr-bad-signup" },
    });
    expect(res.status).toBe(400);
    expect(res.json.correlationId).toBe("corr-bad-signup");
    expect(res.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual([
      "email",
      "name",
      "non_field_errors",
    ]);
    const audit = await (await db()).select().from(auditEvents).where(eq(auditEvents.correlationId, "corr-bad-signup"));
    expect(audit).toEqual([]);
  });
});

describe("forgot password", () => {
  it("mails a single-use link; the new password works, the old one and every session end", async () => {
    const oldPassword = password();
    const { user } = await createTestUser({ password: oldPassword });
    const d = await db();
    const cookie = await sessionCookieFor(user.id);
    expect(await sessionActor(d, cookie)).toMatchObject({ id: user.id });
    const headers = from();

    const asked = await call(requestReset, "POST", "/api/account/password-reset", {
      body: { email: user.email },
      headers,
    });
    expect(asked.status).toBe(202);
    const mail = await smtp.waitForMail(
      (m) => m.envelope.to.includes(user.email) && /new Portico password/.test(m.subject),
    );
    const token = linkIn(mail.text, "/reset-password");
    expect(token).toMatch(/^ppr_/);

    const newPassword = password();
    const done = await call(completeReset, "POST", "/api/account/password-reset/complete", {
      body: { token, password: newPassword },
      headers: { ...headers, "x-correlation-id": "corr-reset" },
    });
    expect(done.status).toBe(200);
    expect(await sessionActor(d, cookie)).toBeNull();
    expect(await verifyCredentials(d, user.email, oldPassword)).toBeNull();
    expect(await verifyCredentials(d, user.username, newPassword)).toMatchObject({ id: user.id, sessionVersion: 1 });
    const told = await smtp.waitForMail((m) => m.envelope.to.includes(user.email) && /was changed/.test(m.subject));
    expect(told.text).not.toContain(newPassword);
    const audit = await d.select().from(auditEvents).where(eq(auditEvents.correlationId, "corr-reset"));
    expect(audit).toEqual([expect.objectContaining({ action: "user.password_reset", entityId: user.id })]);

    const reuse = await call(completeReset, "POST", "/x", { body: { token, password: password() }, headers });
    expect(reuse.status).toBe(410);
    expect(await verifyCredentials(d, user.email, newPassword)).not.toBeNull();
  });

  it("gives the same answer for an address without an account, and tells that address so", async () => {
    const { user } = await createTestUser({ password: password() });
    const nobody = `${unique("nobody")}@example.test`;
    const a = await call(requestReset, "POST", "/x", { body: { email: user.email }, headers: from() });
    const b = await call(requestReset, "POST", "/x", { body: { email: nobody }, headers: from() });
    expect([a.status, a.text]).toEqual([b.status, b.text]);
    const note = await smtp.waitForMail(nobody);
    expect(note.text).toContain("no Portico account uses it");
    expect(note.text).not.toMatch(/token=/);
  });

  it("refuses a weak password and leaves the link working; a newer link replaces an older one", async () => {
    const { user } = await createTestUser({ password: password() });
    const headers = from();
    const d = await db();
    const resetMails = () =>
      smtp.received.filter((m) => m.envelope.to.includes(user.email) && m.text.includes("token="));
    // One request at a time, each mail awaited, so the mails arrive in the order they were asked for.
    for (const n of [1, 2]) {
      await call(requestReset, "POST", "/x", { body: { email: user.email }, headers });
      await smtp.waitForMail(() => resetMails().length >= n);
    }
    const links = await d
      .select()
      .from(accountLinks)
      .where(and(eq(accountLinks.email, user.email), eq(accountLinks.purpose, "password-reset")));
    expect(links.filter((l) => !l.revokedAt)).toHaveLength(1);
    const [older, newer] = resetMails().map((m) => linkIn(m.text, "/reset-password"));
    expect(
      (await call(completeReset, "POST", "/x", { body: { token: older, password: password() }, headers })).status,
    ).toBe(410);
    const weak = await call(completeReset, "POST", "/x", {
      body: { token: newer, password: user.username + "-1234" },
      headers,
    });
    expect(weak.status).toBe(400);
    expect(weak.json.errors[0].propertyName).toBe("password");
    expect(
      (await call(completeReset, "POST", "/x", { body: { token: newer, password: password() }, headers })).status,
    ).toBe(200);
  });

  it("limits requests per address the same whether or not it has an account", async () => {
    const { user } = await createTestUser({ password: password() });
    const nobody = `${unique("nobody")}@example.test`;
    for (const email of [user.email, nobody]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await call(requestReset, "POST", "/x", { body: { email }, headers: from() })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    }
    const written = await (await db()).select().from(mailOutbox).where(eq(mailOutbox.toAddress, nobody));
    expect(written).toHaveLength(5);
  });
});
