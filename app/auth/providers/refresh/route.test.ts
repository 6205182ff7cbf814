import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/drizzle/schema";
import { GET as me } from "@/app/api/me/route";
import { POST as refreshOne } from "@/app/auth/refresh/route";
import { refreshRateLimit } from "@/lib/dialects/ucloud/operations";
import { call, createTestUser, db, type TestUser } from "@/lib/testing/fixtures";
import { registerTestProvider } from "@/lib/testing/registered-provider";
import { POST as renew } from "../renew/route";
import { POST as refresh } from "./route";

// UCloud's AuthProviders.refresh and .renew (docs/developer-guide/core/users/authentication/providers.md):
// BulkRequest {items} → BulkResponse {responses}, in UCloud's error body, on the same core as /auth/refresh.
const anIp = () => ({
  "x-portico-peer-address": `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`,
});
const bulkRefresh = (tokens: string[], headers: Record<string, string> = anIp()) =>
  call(refresh, "POST", "/auth/providers/refresh", {
    body: { items: tokens.map((refreshToken) => ({ refreshToken })) },
    headers,
  });
const bulkRenew = (token: string | undefined, ids: string[]) =>
  call(renew, "POST", "/auth/providers/renew", { token, body: { items: ids.map((id) => ({ id })) } });
const auditOf = async (action: string, providerIds: string[]) =>
  (await db())
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), inArray(auditEvents.entityId, providerIds)));

let admin: TestUser;
let owner: TestUser;
beforeAll(async () => {
  admin = await createTestUser({ role: "admin" });
  owner = await createTestUser();
});

describe("POST /auth/providers/refresh (AuthProviders.refresh)", () => {
  it("answers one access token per refresh token, in order, each authenticating its own provider", async () => {
    const a = await registerTestProvider(admin, owner);
    const b = await registerTestProvider(admin, owner);
    const res = await bulkRefresh([a.refreshToken, b.refreshToken]);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(res.json)).toEqual(["responses"]);
    expect(res.json.responses).toHaveLength(2);
    for (const [i, p] of [a, b].entries()) {
      expect(Object.keys(res.json.responses[i])).toEqual(["accessToken"]);
      const who = await call(me, "GET", "/api/me", { token: res.json.responses[i].accessToken });
      expect(who.status).toBe(200);
      expect(who.json).toMatchObject({ authenticatedVia: "access-token", providerId: p.specId });
    }
    // audited like /auth/refresh, one event per token handed out (never the token itself)
    const events = await auditOf("provider.access_token.issue", [a.specId, b.specId]);
    expect(events.map((e) => e.entityId).sort()).toEqual([a.specId, b.specId].sort());
    expect(JSON.stringify(events)).not.toContain(res.json.responses[0].accessToken);
  });

  it("is all or nothing: one unknown token fails the call in UCloud's shape, and nothing is handed out or audited", async () => {
    const a = await registerTestProvider(admin, owner);
    const res = await bulkRefresh([a.refreshToken, "not-a-refresh-token"], {
      ...anIp(),
      "x-correlation-id": "bulk-refresh-bad",
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      why: "Invalid or rotated refresh token.",
      errorCode: "INVALID_REFRESH_TOKEN",
      correlationId: "bulk-refresh-bad",
    });
    expect(await auditOf("provider.access_token.issue", [a.specId])).toEqual([]);
    expect((await bulkRefresh([a.refreshToken])).status).toBe(200); // the good token still works
  });

  it("refuses malformed bulk requests with 400 and a field message", async () => {
    const a = await registerTestProvider(admin, owner);
    for (const [body, field] of [
      [{}, "items"],
      [{ items: [] }, "items"],
      [{ items: [{}] }, "items.0.refreshToken"],
      [{ items: [{ refreshToken: "" }] }, "items.0.refreshToken"],
      [{ items: [{ refreshToken: a.refreshToken, extra: 1 }] }, "items.0"],
      [{ items: Array.from({ length: 51 }, () => ({ refreshToken: a.refreshToken })) }, "items"],
      [{ refreshToken: a.refreshToken }, ""],
    ] as const) {
      const res = await call(refresh, "POST", "/auth/providers/refresh", { body, headers: anIp() });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(Object.keys(res.json).sort()).toEqual(["correlationId", "errorCode", "why"]);
      expect(res.json.errorCode).toBe("BAD_REQUEST");
      expect(res.json.why).toContain(field);
    }
  });

  it("counts every item against the address's refresh budget, shared with /auth/refresh", async () => {
    // Fixed one-minute windows: start well inside one, so the three calls land in the same window.
    const intoWindow = Date.now() % (refreshRateLimit.windowSeconds * 1000);
    if (intoWindow > 45_000)
      await new Promise((r) => setTimeout(r, refreshRateLimit.windowSeconds * 1000 - intoWindow + 50));
    const ip = anIp();
    const tries = Math.ceil(refreshRateLimit.limit / 2);
    const half = Array.from({ length: tries }, (_, i) => `guess-${i}`);
    const chunks = [half.slice(0, 50), half.slice(50)].filter((c) => c.length);
    for (const chunk of chunks) expect((await bulkRefresh(chunk, ip)).status).toBe(401);
    for (const chunk of chunks) expect((await bulkRefresh(chunk, ip)).status).toBe(401);
    // the budget is spent now: the bulk call and the single one are both refused, with Retry-After
    const limited = await bulkRefresh(["one-more"], ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Object.keys(limited.json).sort()).toEqual(["correlationId", "errorCode", "why"]);
    expect((await call(refreshOne, "POST", "/auth/refresh", { token: "one-more", headers: ip })).status).toBe(429);
    expect((await bulkRefresh(["from-elsewhere"])).status).toBe(401); // another address is not affected
  });
});

describe("POST /auth/providers/renew (AuthProviders.renew)", () => {
  it("gives an admin new refresh tokens in order; the old tokens and their access tokens stop at once", async () => {
    const a = await registerTestProvider(admin, owner);
    const b = await registerTestProvider(admin, owner);
    const before = await bulkRefresh([a.refreshToken]);
    const oldAccess: string = before.json.responses[0].accessToken;

    const res = await bulkRenew(admin.token, [a.specId, b.resourceId]);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json.responses.map((r: object) => Object.keys(r))).toEqual([
      ["providerId", "publicKey", "refreshToken"],
      ["providerId", "publicKey", "refreshToken"],
    ]);
    const [ra, rb] = res.json.responses;
    expect([ra.providerId, rb.providerId]).toEqual([a.specId, b.specId]);
    expect([ra.publicKey, rb.publicKey]).toEqual([a.publicKey, b.publicKey]);
    expect(ra.refreshToken).not.toBe(a.refreshToken);

    expect((await bulkRefresh([a.refreshToken])).status).toBe(401);
    expect((await call(refreshOne, "POST", "/auth/refresh", { token: b.refreshToken, headers: anIp() })).status).toBe(
      401,
    );
    expect((await call(me, "GET", "/api/me", { token: oldAccess })).status).toBe(401);
    const fresh = await bulkRefresh([ra.refreshToken, rb.refreshToken]);
    expect(fresh.status).toBe(200);
    expect((await auditOf("provider.refresh_token.rotate", [a.specId, b.specId])).length).toBe(2);
  });

  it("is an admin's: the owner gets 403, no login 401, both in UCloud's shape; nothing rotates", async () => {
    const a = await registerTestProvider(admin, owner);
    const byOwner = await bulkRenew(owner.token, [a.specId]);
    expect(byOwner.status).toBe(403);
    expect(Object.keys(byOwner.json).sort()).toEqual(["correlationId", "errorCode", "why"]);
    expect(byOwner.json.errorCode).toBe("FORBIDDEN");
    const anon = await bulkRenew(undefined, [a.specId]);
    expect(anon.status).toBe(401);
    expect(anon.headers.get("www-authenticate")).toContain("Bearer");
    expect((await bulkRefresh([a.refreshToken])).status).toBe(200);
  });

  it("is all or nothing: an unknown provider is a 404 and the known ones keep their tokens", async () => {
    const a = await registerTestProvider(admin, owner);
    const res = await bulkRenew(admin.token, [a.specId, "no-such-provider"]);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ why: "Provider not found.", errorCode: "NOT_FOUND" });
    expect((await bulkRefresh([a.refreshToken])).status).toBe(200);
    expect(await auditOf("provider.refresh_token.rotate", [a.specId])).toEqual([]);
    for (const body of [{}, { items: [] }, { items: [{ id: "" }] }, { items: [{ providerId: a.specId }] }]) {
      const bad = await call(renew, "POST", "/auth/providers/renew", { token: admin.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.errorCode).toBe("BAD_REQUEST");
    }
  });
});
