import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, createTestUser, unique } from "@/lib/testing/fixtures";
import { DELETE } from "./[domain]/members/[userId]/route";
import { GET as MEMBERS, POST as ADD_MEMBER } from "./[domain]/members/route";
import { GET, POST } from "./route";

describe("/api/tenants and members", () => {
  it("an admin creates a tenant (domain case-insensitive, 409 on a duplicate); others may not", async () => {
    const admin = await createTestUser({ role: "admin" });
    const member = await createTestUser();
    const domain = `${unique("contoso")}.example.test`;
    const created = await call(POST, "POST", "/api/tenants", {
      token: admin.token,
      body: { domain: domain.toUpperCase(), name: "Contoso" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ domain, name: "Contoso" });
    const dup = await call(POST, "POST", "/api/tenants", { token: admin.token, body: { domain, name: "Again" } });
    expect(dup.status).toBe(409);
    expect(dup.json.errors[0].propertyName).toBe("domain");
    expect(
      (
        await call(POST, "POST", "/api/tenants", {
          token: member.token,
          body: { domain: `${unique("x")}.test`, name: "X" },
        })
      ).status,
    ).toBe(403);
    const bad = await call(POST, "POST", "/api/tenants", {
      token: admin.token,
      body: { domain: "not a domain!", name: "" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual(["domain", "name"]);
    // a member sees only tenants where they hold a role
    expect((await call(GET, "GET", "/api/tenants", { token: member.token })).json).toEqual([]);
    const all = await call(GET, "GET", "/api/tenants", { token: admin.token });
    expect(all.json.find((t: { domain: string }) => t.domain === domain)).toMatchObject({ role: "csp", customers: 0 });
  });

  it("admin and csp grant roles: a reseller gets a new reseller or joins a named one; strangers and resellers may not grant", async () => {
    const admin = await createTestUser({ role: "admin" });
    const csp = await createTestUser();
    const r1 = await createTestUser();
    const r2 = await createTestUser();
    const domain = `${unique("fabrikam")}.example.test`;
    await call(POST, "POST", "/api/tenants", { token: admin.token, body: { domain, name: "Fabrikam" } });
    const add = (token: string, body: unknown, cid = randomUUID()) =>
      call(ADD_MEMBER, "POST", `/api/tenants/${domain}/members`, {
        token,
        body,
        params: { domain },
        headers: { "x-correlation-id": cid },
      });
    expect((await add(csp.token, { user: csp.user.username, role: "csp" })).status).toBe(403);
    expect((await add(admin.token, { user: csp.user.username, role: "csp" })).status).toBe(201);
    const first = await add(csp.token, { user: r1.user.email, role: "reseller" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ userId: r1.user.id, role: "reseller", resellerName: r1.user.name });
    const joined = await add(csp.token, { user: r2.user.id, role: "reseller", resellerId: first.json.resellerId });
    expect(joined.json.resellerId).toBe(first.json.resellerId);
    expect((await add(r1.token, { user: (await createTestUser()).user.id, role: "csp" })).status).toBe(403);
    expect((await add(csp.token, { user: r1.user.id, role: "csp" })).status).toBe(409);
    const bad = await add(csp.token, { user: "nobody-" + randomUUID(), role: "owner", resellerId: "x" });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual(["resellerId", "role"]);
    expect((await add(csp.token, { user: "nobody-" + randomUUID(), role: "csp" })).json.errors[0].propertyName).toBe(
      "user",
    );
    expect(
      (await add(csp.token, { user: (await createTestUser()).user.id, role: "reseller", resellerId: randomUUID() }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(ADD_MEMBER, "POST", `/api/tenants/nope.test/members`, {
          token: admin.token,
          body: { user: r1.user.id, role: "csp" },
          params: { domain: "nope.test" },
        })
      ).status,
    ).toBe(404);

    const members = await call(MEMBERS, "GET", `/api/tenants/${domain}/members`, {
      token: csp.token,
      params: { domain },
    });
    expect(members.json.map((m: { username: string }) => m.username).sort()).toEqual(
      [csp.user.username, r1.user.username, r2.user.username].sort(),
    );
    expect(
      (await call(MEMBERS, "GET", `/api/tenants/${domain}/members`, { token: r1.token, params: { domain } })).status,
    ).toBe(403);
    expect((await call(GET, "GET", "/api/tenants", { token: r1.token })).json).toMatchObject([
      { domain, role: "reseller" },
    ]);

    const del = await call(DELETE, "DELETE", `/api/tenants/${domain}/members/${r2.user.id}`, {
      token: csp.token,
      params: { domain, userId: r2.user.id },
    });
    expect(del.status).toBe(204);
    expect(
      (
        await call(DELETE, "DELETE", `/api/tenants/${domain}/members/${r2.user.id}`, {
          token: csp.token,
          params: { domain, userId: r2.user.id },
        })
      ).status,
    ).toBe(404);
  });
});
