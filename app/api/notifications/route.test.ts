import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { emitEvent } from "@/lib/notifications/emit-event";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { startTestSmtpServer } from "@/lib/testing/smtp-sink";
import { GET as getPrefs, PUT as putPrefs } from "../me/notification-preferences/route";
import { PATCH } from "./[id]/route";
import { POST as readAll } from "./read-all/route";
import { GET } from "./route";

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => void (smtp = await startTestSmtpServer()));
afterAll(async () => {
  delete process.env.PORTICO_SMTP_URL;
  await smtp.close();
});

/** An event only `userIds` hear of. */
async function tell(userIds: string[], title: string, kind: "registration.approved" | "registration.rejected") {
  const db = await getDb();
  return emitEvent(
    db,
    { actor: null, correlationId: randomUUID() },
    { kind, subject: { type: "test", id: randomUUID() }, title, link: "/providers/x", audience: { users: userIds } },
  );
}

describe("the inbox over the portal API", () => {
  it("lists the caller's notifications newest first with the unread count; read, unread and read-all", async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    await tell([me.user.id], "First", "registration.approved");
    await tell([me.user.id, other.user.id], "Second", "registration.rejected");

    const list = await call(GET, "GET", "/api/notifications", { token: me.token });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ total: 2, unread: 2, page: 1, size: 20 });
    expect(list.json.items.map((n: { title: string }) => n.title)).toEqual(["Second", "First"]);
    expect(list.json.items[0]).toMatchObject({ kind: "registration.rejected", link: "/providers/x", readAt: null });
    expect(list.json.items[0].email).toBe("not_emailed"); // no SMTP server configured

    const first = list.json.items[1];
    const read = await call(PATCH, "PATCH", `/api/notifications/${first.id}`, {
      token: me.token,
      params: { id: first.id },
      body: { read: true },
    });
    expect(read.status).toBe(200);
    expect(read.json.readAt).not.toBeNull();
    const unreadOnly = await call(GET, "GET", "/api/notifications?unread=true", { token: me.token });
    expect(unreadOnly.json).toMatchObject({ total: 1, unread: 1 });
    expect(unreadOnly.json.items[0].title).toBe("Second");

    // someone else's notification does not exist for you
    const theirs = (await call(GET, "GET", "/api/notifications", { token: other.token })).json.items[0];
    const foreign = await call(PATCH, "PATCH", `/api/notifications/${theirs.id}`, {
      token: me.token,
      params: { id: theirs.id },
      body: { read: true },
    });
    expect(foreign.status).toBe(404);
    expect((await call(GET, "GET", "/api/notifications", { token: other.token })).json.unread).toBe(1);

    const unread = await call(PATCH, "PATCH", `/api/notifications/${first.id}`, {
      token: me.token,
      params: { id: first.id },
      body: { read: false },
    });
    expect(unread.json.readAt).toBeNull();
    const all = await call(readAll, "POST", "/api/notifications/read-all", { token: me.token });
    expect(all.json).toEqual({ marked: 2, unread: 0 });
    expect((await call(GET, "GET", "/api/notifications", { token: other.token })).json.unread).toBe(1);
  });

  it("answers bad input with field messages and strangers with 401", async () => {
    const me = await createTestUser();
    expect((await call(GET, "GET", "/api/notifications")).status).toBe(401);
    const bad = await call(GET, "GET", "/api/notifications?size=0&unread=maybe", { token: me.token });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual(["size", "unread"]);
    const badBody = await call(PATCH, "PATCH", `/api/notifications/${randomUUID()}`, {
      token: me.token,
      params: { id: "nope" },
      body: { read: "yes" },
    });
    expect(badBody.status).toBe(400);
  });

  it("e-mails per the person's preferences; the inbox always has it", async () => {
    process.env.PORTICO_SMTP_URL = smtp.url;
    const me = await createTestUser();
    const prefs = await call(getPrefs, "GET", "/api/me/notification-preferences", { token: me.token });
    expect(prefs.status).toBe(200);
    expect(prefs.json.kinds.find((k: { kind: string }) => k.kind === "registration.approved")).toMatchObject({
      email: true,
      label: "Your provider registration was approved",
    });

    const off = await call(putPrefs, "PUT", "/api/me/notification-preferences", {
      token: me.token,
      body: { email: { "registration.approved": false } },
    });
    expect(off.status, JSON.stringify(off.json)).toBe(200);
    const kinds = Object.fromEntries(off.json.kinds.map((k: { kind: string; email: boolean }) => [k.kind, k.email]));
    expect(kinds).toMatchObject({ "registration.approved": false, "registration.rejected": true });

    await tell([me.user.id], "Quiet", "registration.approved");
    await tell([me.user.id], "Loud", "registration.rejected");
    const items = (await call(GET, "GET", "/api/notifications", { token: me.token })).json.items;
    expect(items.map((n: { title: string; email: string }) => [n.title, n.email])).toEqual([
      ["Loud", "pending"],
      ["Quiet", "off"],
    ]);

    const unknown = await call(putPrefs, "PUT", "/api/me/notification-preferences", {
      token: me.token,
      body: { email: { "no.such.kind": false, "registration.rejected": "no" } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors.length).toBeGreaterThan(0);
  });
});
