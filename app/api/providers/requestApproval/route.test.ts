import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, providerCredentials, providers, registrationRequests } from "@/drizzle/schema";
import { GET as me } from "@/app/api/me/route";
import { POST as refresh } from "@/app/auth/refresh/route";
import { decryptSecret } from "@/lib/crypto/tokens";
import { call, createTestUser, db, unique } from "@/lib/testing/fixtures";
import { startIntegrationModule } from "@/lib/testing/integration-module";
import { deliverDueWelcomes } from "@/lib/registration/welcome-outbox";
import { useFreshDatabase } from "@/lib/testing/fresh-database";
import { POST as approve } from "../approve/route";
import { GET as browse } from "../browse/route";
import { POST as reject } from "../reject/route";
import { POST as renewToken } from "../renewToken/route";
import { GET as retrieve } from "../retrieve/route";
import { POST as requestApproval } from "./route";

const URL_ = "/api/providers/requestApproval";
const ipHeaders = () => ({
  "x-portico-peer-address": `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`,
});
const spec = (over: Record<string, unknown> = {}) => ({
  id: unique("example"),
  domain: "provider.example.com",
  https: true,
  port: null,
  product: { id: "", category: "", provider: "ucloud_core" },
  ...over,
});

async function information(specification: Record<string, unknown>) {
  return call(requestApproval, "POST", URL_, { body: { type: "information", specification }, headers: ipHeaders() });
}

async function signedRequest(specification = spec()) {
  const info = await information(specification);
  expect(info.status).toBe(200);
  const sysadmin = await createTestUser();
  const signed = await call(requestApproval, "POST", URL_, {
    token: sysadmin.token,
    body: { type: "sign", token: info.json.token },
  });
  expect(signed.status).toBe(200);
  return { token: info.json.token as string, sysadmin, specification };
}

let admin: Awaited<ReturnType<typeof createTestUser>>;
let im: Awaited<ReturnType<typeof startIntegrationModule>>;
let drop: () => Promise<void>;
// A database of its own on PostgreSQL: deliverDueWelcomes drains every due welcome, and other files'
// welcomes (to integration modules long gone) would fill its batch with retries.
beforeAll(async () => {
  drop = await useFreshDatabase();
  admin = await createTestUser({ role: "admin" });
  im = await startIntegrationModule();
});
afterAll(async () => {
  await im.close();
  await drop();
});

describe("seed 000: registering a provider", () => {
  it("replays information → sign → approve → welcome → retrieve, then refresh → access token → an authenticated call", async () => {
    const specId = unique("example");
    const product = { id: "", category: "", provider: "ucloud_core" };
    const specification = { id: specId, domain: "127.0.0.1", https: false, port: im.port, product };

    const info = await information(specification);
    expect(info.status).toBe(200);
    expect(Object.keys(info.json).sort()).toEqual(["token", "type"]);
    expect(info.json.type).toBe("requires_signature");
    const token: string = info.json.token;
    expect(token.length).toBeGreaterThanOrEqual(40);

    const sysadmin = await createTestUser();
    const signed = await call(requestApproval, "POST", URL_, { token: sysadmin.token, body: { type: "sign", token } });
    expect(signed.status).toBe(200);
    expect(signed.json).toEqual({ type: "requires_signature", token });

    const approvalCorrelation = `approve-${specId}`;
    const approved = await call(approve, "POST", "/api/providers/approve", {
      token: admin.token,
      body: { token },
      headers: { "x-correlation-id": approvalCorrelation },
    });
    expect(approved.status).toBe(200);
    expect(Object.keys(approved.json)).toEqual(["id"]);
    expect(approved.json.id).toMatch(/^\d+$/);
    const id: string = approved.json.id;

    const outcomes = await deliverDueWelcomes(await db());
    expect(outcomes.map((o) => o.outcome)).toContain("delivered");
    const welcome = im.received.find((r) => r.path === `/ucloud/${specId}/integration/welcome`)!;
    expect(welcome).toBeTruthy();
    expect(welcome.authorization).toBe(`Bearer ${token}`);
    const body = welcome.body as { token: string; createdProvider: { refreshToken: string; publicKey: string } };
    expect(Object.keys(body)).toEqual(["token", "createdProvider"]);
    expect(Object.keys(body.createdProvider)).toEqual(["refreshToken", "publicKey"]);
    expect(body.token).toBe(token);
    expect(body.createdProvider.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const got = await call(
      retrieve,
      "GET",
      `/api/providers/retrieve?includeOthers=false&includeUpdates=false&includeSupport=false&includeProduct=false&id=${id}`,
      { token: sysadmin.token },
    );
    expect(got.status).toBe(200);
    expect(Object.keys(got.json)).toEqual([
      "id",
      "specification",
      "refreshToken",
      "publicKey",
      "createdAt",
      "status",
      "updates",
      "owner",
      "permissions",
    ]);
    expect(got.json).toEqual({
      id,
      specification,
      refreshToken: body.createdProvider.refreshToken,
      publicKey: body.createdProvider.publicKey,
      createdAt: expect.any(Number),
      status: { resolvedSupport: null, resolvedProduct: null },
      updates: [],
      owner: { createdBy: sysadmin.user.username, project: null },
      permissions: null,
    });
    expect(Math.abs(got.json.createdAt - Date.now())).toBeLessThan(60_000);

    // the shared providers row and a real key pair whose private half is kept encrypted
    const [row] = await (await db()).select().from(providers).where(eq(providers.id, specId));
    expect(row).toMatchObject({
      source: "registration",
      ownerUserId: sysadmin.user.id,
      domain: "127.0.0.1",
      https: false,
      port: im.port,
    });
    const [creds] = await (
      await db()
    )
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.providerPk, row.pk));
    expect(creds.privateKeyCiphertext).not.toContain("PRIVATE KEY");
    expect(creds.refreshCiphertext).not.toContain(body.createdProvider.refreshToken);
    const privateKey = decryptSecret(creds.privateKeyCiphertext, "provider-private-key");
    const signature = crypto.sign("sha256", Buffer.from("hello"), privateKey);
    expect(crypto.verify("sha256", Buffer.from("hello"), body.createdProvider.publicKey, signature)).toBe(true);

    // refresh → access token → the provider is authenticated on the portal API and on UCloud's
    const r = await call(refresh, "POST", "/auth/refresh", { token: body.createdProvider.refreshToken });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(["accessToken"]);
    const accessToken: string = r.json.accessToken;
    expect(accessToken.split(".")).toHaveLength(3);
    const who = await call(me, "GET", "/api/me", { token: accessToken });
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({ authenticatedVia: "access-token", providerId: specId, kind: "service" });
    expect((await call(retrieve, "GET", `/api/providers/retrieve?id=${id}`, { token: accessToken })).status).toBe(200);

    // the owner rotates: the old refresh token and the access tokens it bought stop at once
    const rotated = await call(renewToken, "POST", "/api/providers/renewToken", {
      token: sysadmin.token,
      body: { items: [{ id }] },
    });
    expect(rotated.status).toBe(200);
    const fresh: string = rotated.json.responses[0].refreshToken;
    expect(fresh).not.toBe(body.createdProvider.refreshToken);
    expect((await call(refresh, "POST", "/auth/refresh", { token: body.createdProvider.refreshToken })).status).toBe(
      401,
    );
    expect((await call(me, "GET", "/api/me", { token: accessToken })).status).toBe(401);
    expect((await call(refresh, "POST", "/auth/refresh", { token: fresh })).status).toBe(200);
    expect(
      (await call(retrieve, "GET", `/api/providers/retrieve?id=${id}`, { token: sysadmin.token })).json.refreshToken,
    ).toBe(fresh);

    // every step is in the audit log
    const [reg] = await (await db()).select().from(registrationRequests).where(eq(registrationRequests.specId, specId));
    const actions = (await (await db()).select().from(auditEvents).where(eq(auditEvents.entityId, reg.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["registration.request", "registration.sign", "registration.approve"]),
    );
    const providerActions = (await (await db()).select().from(auditEvents))
      .filter((e) => e.entityId === specId || e.entityId === row.pk)
      .map((e) => e.action);
    expect(providerActions).toEqual(
      expect.arrayContaining([
        "provider.create",
        "welcome.delivered",
        "provider.access_token.issue",
        "provider.refresh_token.rotate",
      ]),
    );
    // the delivery, done later by the outbox worker, is traced to the approval that queued it, and names the provider
    const delivered = (
      await (await db()).select().from(auditEvents).where(eq(auditEvents.action, "welcome.delivered"))
    ).filter((e) => e.entityId === specId);
    expect(delivered.map((e) => e.correlationId)).toEqual([approvalCorrelation]);
  });

  it("lets only the owner and admins retrieve; browse pages through the caller's providers", async () => {
    const a = await signedRequest();
    const first = await call(approve, "POST", "/api/providers/approve", {
      token: admin.token,
      body: { token: a.token },
    });
    const stranger = await createTestUser();
    expect(
      (await call(retrieve, "GET", `/api/providers/retrieve?id=${first.json.id}`, { token: stranger.token })).status,
    ).toBe(404);
    expect(
      (await call(retrieve, "GET", `/api/providers/retrieve?id=${first.json.id}`, { token: admin.token })).status,
    ).toBe(200);
    expect((await call(retrieve, "GET", `/api/providers/retrieve?id=999999999`, { token: admin.token })).status).toBe(
      404,
    );
    expect((await call(retrieve, "GET", `/api/providers/retrieve`, { token: admin.token })).status).toBe(400);

    // a second provider for the same owner: pages of one
    const info = await information(spec());
    await call(requestApproval, "POST", URL_, {
      token: a.sysadmin.token,
      body: { type: "sign", token: info.json.token },
    });
    const second = await call(approve, "POST", "/api/providers/approve", {
      token: admin.token,
      body: { token: info.json.token },
    });
    const p1 = await call(browse, "GET", "/api/providers/browse?itemsPerPage=1", { token: a.sysadmin.token });
    expect(p1.status).toBe(200);
    expect(p1.json.itemsPerPage).toBe(1);
    expect(p1.json.items.map((p: { id: string }) => p.id)).toEqual([first.json.id]);
    const p2 = await call(browse, "GET", `/api/providers/browse?itemsPerPage=1&next=${p1.json.next}`, {
      token: a.sysadmin.token,
    });
    expect(p2.json.items.map((p: { id: string }) => p.id)).toEqual([second.json.id]);
    expect(p2.json.next).toBeNull();
    expect((await call(browse, "GET", "/api/providers/browse", { token: stranger.token })).json.items).toEqual([]);
    const all = await call(browse, "GET", "/api/providers/browse?itemsPerPage=250", { token: admin.token });
    expect(all.json.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([first.json.id, second.json.id]),
    );
    expect((await call(browse, "GET", "/api/providers/browse?itemsPerPage=0", { token: admin.token })).status).toBe(
      400,
    );
    expect(
      (
        await call(renewToken, "POST", "/api/providers/renewToken", {
          token: stranger.token,
          body: { items: [{ id: first.json.id }] },
        })
      ).status,
    ).toBe(403);
  });
});

describe("requestApproval, approve and reject: errors in UCloud's shape, nothing written", () => {
  const count = async () => (await (await db()).select().from(registrationRequests)).length;

  it("rejects every wrong field of the specification with a field message", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [spec({ id: "" }), "specification.id"],
      [spec({ id: "has spaces" }), "specification.id"],
      [spec({ domain: "http://x" }), "specification.domain"],
      [spec({ domain: "" }), "specification.domain"],
      [spec({ port: 0 }), "specification.port"],
      [spec({ port: 70000 }), "specification.port"],
      [spec({ port: "80" }), "specification.port"],
      [spec({ https: "true" }), "specification.https"],
      [spec({ extra: 1 }), "specification"],
    ];
    const before = await count();
    for (const [specification, field] of cases) {
      const res = await information(specification);
      expect(res.status, JSON.stringify(specification)).toBe(400);
      expect(Object.keys(res.json).sort()).toEqual(["correlationId", "errorCode", "why"]);
      expect(res.json.errorCode).toBe("BAD_REQUEST");
      expect(res.json.why).toContain(field);
    }
    for (const body of [
      { type: "unknown" },
      { type: "sign" },
      { type: "sign", token: "" },
      {},
      { type: "information" },
    ]) {
      const res = await call(requestApproval, "POST", URL_, { body, headers: ipHeaders() });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.why).toBeTruthy();
    }
    expect(
      (
        await call(requestApproval, "POST", URL_, {
          rawBody: "{",
          headers: { ...ipHeaders(), "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);
    expect(await count()).toBe(before);
  });

  it("accepts hostnames, IPv4 and IPv6 literals and ports 1 and 65535", async () => {
    for (const s of [
      spec({ domain: "Provider.Example.COM", port: 1 }),
      spec({ domain: "10.0.0.1", port: 65535 }),
      spec({ domain: "::1" }),
      spec({ product: undefined, port: undefined }),
    ]) {
      expect((await information(s)).status, JSON.stringify(s)).toBe(200);
    }
  });

  it("refuses a spec id that a provider or an open request holds", async () => {
    const s = spec();
    expect((await information(s)).status).toBe(200);
    const again = await information({ ...s, domain: "other.example.com" });
    expect(again.status).toBe(409);
    expect(again.json.why).toContain("already taken");
    const { token, specification } = await signedRequest();
    await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: { token } });
    expect((await information(specification)).status).toBe(409);
  });

  it("sign needs a login; approve needs an admin and a signed, open request", async () => {
    const info = await information(spec());
    const token = info.json.token;
    const anon = await call(requestApproval, "POST", URL_, { body: { type: "sign", token }, headers: ipHeaders() });
    expect(anon.status).toBe(401);
    expect(anon.json.why).toBeTruthy();
    const unsigned = await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: { token } });
    expect(unsigned.status).toBe(409);
    expect(unsigned.json.errorCode).toBe("NOT_SIGNED");

    const member = await createTestUser();
    await call(requestApproval, "POST", URL_, { token: member.token, body: { type: "sign", token } });
    expect(
      (await call(requestApproval, "POST", URL_, { token: member.token, body: { type: "sign", token } })).status,
    ).toBe(200); // same signer again: fine
    const other = await createTestUser();
    expect(
      (await call(requestApproval, "POST", URL_, { token: other.token, body: { type: "sign", token } })).status,
    ).toBe(409);
    const byMember = await call(approve, "POST", "/api/providers/approve", { token: member.token, body: { token } });
    expect(byMember.status).toBe(403);
    expect(Object.keys(byMember.json).sort()).toEqual(["correlationId", "errorCode", "why"]);
    expect((await call(approve, "POST", "/api/providers/approve", { body: { token } })).status).toBe(401);
    expect((await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: {} })).status).toBe(400);
    expect(
      (await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: { token: "prq_unknown" } }))
        .status,
    ).toBe(404);

    expect(
      (await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: { token } })).status,
    ).toBe(200);
    const twice = await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: { token } });
    expect(twice.status).toBe(409);
    expect(twice.json.errorCode).toBe("ALREADY_APPROVED");
    expect(
      (await call(requestApproval, "POST", URL_, { token: member.token, body: { type: "sign", token } })).status,
    ).toBe(409);
  });

  it("rejected and expired requests cannot be signed or approved; tokens of the wrong kind are unknown", async () => {
    const { token } = await signedRequest();
    expect(
      (await call(reject, "POST", "/api/providers/reject", { token: admin.token, body: { token, reason: "" } })).status,
    ).toBe(400);
    const member = await createTestUser();
    expect(
      (await call(reject, "POST", "/api/providers/reject", { token: member.token, body: { token, reason: "no" } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(reject, "POST", "/api/providers/reject", {
          token: admin.token,
          body: { token, reason: "Unknown organisation" },
        })
      ).status,
    ).toBe(200);
    const afterReject = await call(approve, "POST", "/api/providers/approve", { token: admin.token, body: { token } });
    expect(afterReject.status).toBe(409);
    expect(afterReject.json.why).toContain("Unknown organisation");

    const late = await signedRequest();
    await (
      await db()
    )
      .update(registrationRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(registrationRequests.specId, late.specification.id));
    const expired = await call(approve, "POST", "/api/providers/approve", {
      token: admin.token,
      body: { token: late.token },
    });
    expect(expired.status).toBe(410);
    expect(expired.json.errorCode).toBe("EXPIRED");
    expect((await information(late.specification)).status).toBe(200); // an expired request frees its id

    // an API token or a refresh token is not a registration token, and vice versa
    expect(
      (await call(requestApproval, "POST", URL_, { token: member.token, body: { type: "sign", token: member.token } }))
        .status,
    ).toBe(404);
    expect((await call(refresh, "POST", "/auth/refresh", { token: late.token })).status).toBe(401);
    expect((await call(refresh, "POST", "/auth/refresh", { token: member.token })).status).toBe(401);
    expect((await call(refresh, "POST", "/auth/refresh", {})).status).toBe(401);
  });

  it("rate-limits unauthenticated requests per client address", async () => {
    const headers = ipHeaders();
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await call(requestApproval, "POST", URL_, { body: {}, headers })).status;
    expect(last).toBe(429);
  });
});
