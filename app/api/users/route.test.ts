import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiTokens, auditEvents } from "@/drizzle/schema";
import { toUuid } from "@/lib/offerings/refs";
import { call, createTestUser, db } from "@/lib/testing/fixtures";
import { GET as me } from "../me/route";
import { GET as readOne } from "./[uuid]/route";
import { POST as refresh } from "./[uuid]/refresh_token/route";
import { GET as readToken } from "./[uuid]/token/route";
import { GET as list, POST as create } from "./route";

const newUser = async (staffToken: string, extra: Record<string, unknown> = {}) => {
  const s = randomBytes(6).toString("hex");
  const res = await call(create, "POST", "/api/users/", {
    token: staffToken,
    scheme: "Token",
    body: { username: `sa_${s}`, email: `sa_${s}@example.com`, first_name: "Site", last_name: "Agent", ...extra },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
};

afterEach(() => vi.useRealTimers());

describe("/api/users/ (Waldur)", () => {
  it("only staff create users; duplicates and bad fields come back per field", async () => {
    const staff = await createTestUser({ role: "admin" });
    const member = await createTestUser();
    expect(
      (
        await call(create, "POST", "/api/users/", {
          token: member.token,
          body: { username: "x_y", email: "x@example.com" },
        })
      ).status,
    ).toBe(403);
    const u = await newUser(staff.token);
    const dup = await call(create, "POST", "/api/users/", {
      token: staff.token,
      body: { username: u.username.toUpperCase(), email: u.email, is_staff: "no" },
    });
    expect(dup.status).toBe(400);
    expect(Object.keys(dup.json).sort()).toEqual(["is_staff"]);
    const dup2 = await call(create, "POST", "/api/users/", {
      token: staff.token,
      body: { username: u.username.toUpperCase(), email: u.email },
    });
    expect(dup2.json).toEqual({
      username: ["A user with that username already exists."],
      email: ["User with this email already exists."],
    });
    const missing = await call(create, "POST", "/api/users/", { token: staff.token, body: {} });
    expect(Object.keys(missing.json).sort()).toEqual(["email", "username"]);
  });

  it("lists everyone for staff and only yourself for others", async () => {
    const staff = await createTestUser({ role: "admin" });
    const member = await createTestUser();
    const u = await newUser(staff.token);
    const found = await call(list, "GET", `/api/users/?username=${u.username}`, { token: staff.token });
    expect(found.json.map((x: { uuid: string }) => x.uuid)).toEqual([u.uuid]);
    expect(found.headers.get("x-result-count")).toBe("1");
    const self = await call(list, "GET", "/api/users/", { token: member.token });
    expect(self.json.map((x: { username: string }) => x.username)).toEqual([member.user.username]);
    expect((await call(readOne, "GET", "/x/", { token: member.token, params: { uuid: u.uuid } })).status).toBe(404);
  });
});

describe("service-account tokens", () => {
  it("token/ is staff-only; refresh_token/ replaces the token and the old one is rejected", async () => {
    const staff = await createTestUser({ role: "admin" });
    const support = await createTestUser({ role: "support" });
    const member = await createTestUser();
    const u = await newUser(staff.token);
    const params = { uuid: u.uuid };
    expect((await call(readToken, "GET", "/x/", { token: member.token, params })).status).toBe(403);
    expect((await call(readToken, "GET", "/x/", { token: support.token, params })).status).toBe(403);
    expect(
      (
        await call(readToken, "GET", "/x/", {
          token: staff.token,
          params: { uuid: "0123456789abcdef0123456789abcdef" },
        })
      ).status,
    ).toBe(404);
    const first = await call(readToken, "GET", "/x/", { token: staff.token, params });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      user_first_name: "Site",
      user_last_name: "Agent",
      user_is_active: true,
      user_token_lifetime: "3600",
      user_username: u.username,
    });
    expect(first.headers.get("cache-control")).toBe("no-store");
    // reading again shows the same token (it is kept recoverable, sealed)
    expect((await call(readToken, "GET", "/x/", { token: staff.token, params })).json.token).toBe(first.json.token);
    const [stored] = await (
      await db()
    )
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.userId, toUuid(u.uuid)!));
    expect(stored.ciphertext).not.toContain(first.json.token);

    expect((await call(refresh, "POST", "/x/", { token: member.token, params })).status).toBe(403);
    const second = await call(refresh, "POST", "/x/", { token: staff.token, params });
    expect(second.status).toBe(201);
    expect(second.json.token).not.toBe(first.json.token);
    expect((await call(me, "GET", "/api/me", { token: first.json.token, scheme: "Token" })).status).toBe(401);
    expect((await call(me, "GET", "/api/me", { token: second.json.token, scheme: "Token" })).status).toBe(200);
    expect((await call(readToken, "GET", "/x/", { token: staff.token, params })).json.token).toBe(second.json.token);
    // the user may refresh its own token
    expect((await call(refresh, "POST", "/x/", { token: second.json.token, scheme: "Token", params })).status).toBe(
      201,
    );
    const events = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, toUuid(u.uuid)!));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.create", "user.token.create", "user.token.refresh"]),
    );
    expect(JSON.stringify(events)).not.toContain(second.json.token);
  });

  it("tokens expire after user_token_lifetime seconds; null lifetime never expires", async () => {
    const staff = await createTestUser({ role: "admin" });
    const short = await newUser(staff.token, { token_lifetime: 120 });
    const forever = await newUser(staff.token, { token_lifetime: null });
    const t1 = await call(readToken, "GET", "/x/", { token: staff.token, params: { uuid: short.uuid } });
    const t2 = await call(readToken, "GET", "/x/", { token: staff.token, params: { uuid: forever.uuid } });
    expect(t1.json.user_token_lifetime).toBe("120");
    expect(t2.json.user_token_lifetime).toBeNull();
    expect((await call(me, "GET", "/api/me", { token: t1.json.token, scheme: "Token" })).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 121_000 });
    expect((await call(me, "GET", "/api/me", { token: t1.json.token, scheme: "Token" })).status).toBe(401);
    expect((await call(me, "GET", "/api/me", { token: t2.json.token, scheme: "Token" })).status).toBe(200);
    // token/ then hands out a new live token for the expired one
    const again = await call(readToken, "GET", "/x/", { token: staff.token, params: { uuid: short.uuid } });
    expect(again.json.token).not.toBe(t1.json.token);
  });
});
