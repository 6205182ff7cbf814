import { describe, expect, it } from "vitest";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

describe("/api/tokens", () => {
  it("lists only the caller's tokens, never with the secret", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    await call(POST, "POST", "/api/tokens", { token: a.token, body: { name: "a-one", expiresInDays: null } });
    const list = await call(GET, "GET", "/api/tokens", { token: a.token });
    expect(list.status).toBe(200);
    expect(list.json.map((t: { name: string }) => t.name).sort()).toEqual(["a-one", "test"]);
    expect(list.json.every((t: Record<string, unknown>) => !("token" in t))).toBe(true);
    const mine = list.json.find((t: { name: string }) => t.name === "a-one");
    expect(mine.expiresAt).toBeNull();
    // b cannot revoke a's token: it does not exist for b
    expect(
      (await call(DELETE, "DELETE", `/api/tokens/${mine.id}`, { token: b.token, params: { id: mine.id } })).status,
    ).toBe(404);
  });

  it("validates with every field error, rejects unknown fields, bad JSON, wrong content type and big bodies", async () => {
    const { token } = await createTestUser();
    const bad = await call(POST, "POST", "/api/tokens", { token, body: { name: "", expiresInDays: 0, extra: 1 } });
    expect(bad.status).toBe(400);
    const fields = bad.json.errors.map((e: { propertyName: string }) => e.propertyName).sort();
    expect(fields).toEqual(expect.arrayContaining(["expiresInDays", "name"]));
    expect(bad.json.correlationId).toBeTruthy();

    expect(
      (
        await call(POST, "POST", "/api/tokens", {
          token,
          rawBody: "{nope",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(POST, "POST", "/api/tokens", {
          token,
          rawBody: "name=x",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        })
      ).status,
    ).toBe(415);
    const huge = await call(POST, "POST", "/api/tokens", { token, body: { name: "x".repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect((await call(GET, "GET", "/api/tokens", { token })).json).toHaveLength(1);
  });

  it("replays the first response for a repeated Idempotency-Key and refuses the key with another body", async () => {
    const { token } = await createTestUser();
    const headers = { "idempotency-key": "key-1" };
    const first = await call(POST, "POST", "/api/tokens", { token, body: { name: "once" }, headers });
    const again = await call(POST, "POST", "/api/tokens", { token, body: { name: "once" }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await call(POST, "POST", "/api/tokens", { token, body: { name: "twice" }, headers });
    expect(other.status).toBe(409);
    const names = (await call(GET, "GET", "/api/tokens", { token })).json.map((t: { name: string }) => t.name);
    expect(names.filter((n: string) => n === "once")).toHaveLength(1);
    expect(names).not.toContain("twice");
  });
});

describe("text PostgreSQL cannot store", () => {
  it("is refused with a 400 naming the field, not a 500", async () => {
    const { token } = await createTestUser();
    for (const name of ["a\u0000b", "\uD800"]) {
      const res = await call(POST, "POST", "/api/tokens", { token, body: { name } });
      expect(res.status).toBe(400);
      expect(res.json.errors).toEqual([
        { propertyName: "name", description: ["Contains a NUL character or invalid unicode."] },
      ]);
    }
  });
});

describe("a browser session", () => {
  it("works from our own origin and is refused from a foreign or null Origin (CSRF)", async () => {
    const { sessionCookieFor } = await import("@/lib/testing/fixtures");
    const { user } = await createTestUser();
    const cookie = await sessionCookieFor(user.id);
    const same = await call(POST, "POST", "/api/tokens", {
      body: { name: "from the portal" },
      headers: { cookie, origin: "http://portico.test" },
    });
    expect(same.status).toBe(201);
    for (const origin of ["https://evil.example", "null"]) {
      const res = await call(POST, "POST", "/api/tokens", { body: { name: "csrf" }, headers: { cookie, origin } });
      expect(res.status).toBe(403);
    }
    const crossSite = await call(POST, "POST", "/api/tokens", {
      body: { name: "csrf" },
      headers: { cookie, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const names = (await call(GET, "GET", "/api/tokens", { headers: { cookie } })).json.map(
      (t: { name: string }) => t.name,
    );
    expect(names).not.toContain("csrf");
  });
});
