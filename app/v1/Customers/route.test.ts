import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { createTestTenant } from "@/lib/testing/tenancy";
import { GET as PROVIDER_INSTANCES, POST as CREATE_INSTANCE } from "../ProviderInstances/route";
import { GET as RESELLERS, POST as CREATE_RESELLER } from "../Resellers/route";
import { GET as GET_ONE } from "./[customerId]/route";
import { GET, POST } from "./route";

const h = (tenant: string) => ({ "x-tenant": tenant, "x-correlation-id": randomUUID() });
const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe("/v1/Customers, /v1/ProviderInstances, /v1/Resellers", () => {
  it("customers: a reseller creates and sees its own; a csp sees all, filters by reseller, creates for a reseller", async () => {
    const t = await createTestTenant();
    const mine = await call(POST, "POST", "/v1/Customers", {
      token: t.resellerA.token,
      body: { name: "Mine Ltd", email: "a@b.test", country: "dk" },
      headers: h(t.tenant.domain),
    });
    expect(mine.status).toBe(201);
    expect(mine.json).toMatchObject({ name: "Mine Ltd", country: "DK", resellerId: t.resellerA.resellerId });
    expect(
      (
        await call(POST, "POST", `/v1/Customers?resellerId=${t.resellerA.resellerId}`, {
          token: t.resellerA.token,
          body: { name: "X" },
          headers: h(t.tenant.domain),
        })
      ).status,
    ).toBe(400);
    const forB = await call(POST, "POST", `/v1/Customers?resellerId=${t.resellerB.resellerId}`, {
      token: t.csp.token,
      body: { name: "For B" },
      headers: h(t.tenant.domain),
    });
    expect(forB.json.resellerId).toBe(t.resellerB.resellerId);
    expect(
      (
        await call(POST, "POST", `/v1/Customers?resellerId=${randomUUID()}`, {
          token: t.csp.token,
          body: { name: "Lost" },
          headers: h(t.tenant.domain),
        })
      ).status,
    ).toBe(404);
    const bad = await call(POST, "POST", "/v1/Customers", {
      token: t.csp.token,
      body: { name: "", email: "x", country: "Denmark" },
      headers: h(t.tenant.domain),
    });
    expect(bad.status).toBe(400);

    expect(
      names((await call(GET, "GET", "/v1/Customers", { token: t.resellerA.token, headers: h(t.tenant.domain) })).json),
    ).toEqual(names([t.customerA, mine.json]));
    expect(
      (await call(GET, "GET", "/v1/Customers", { token: t.csp.token, headers: h(t.tenant.domain) })).json,
    ).toHaveLength(5);
    expect(
      names(
        (
          await call(GET, "GET", `/v1/Customers?resellerId=${t.resellerB.resellerId}`, {
            token: t.csp.token,
            headers: h(t.tenant.domain),
          })
        ).json,
      ),
    ).toEqual(names([t.customerB, forB.json]));
    expect(
      (await call(GET, "GET", "/v1/Customers", { token: t.stranger.token, headers: h(t.tenant.domain) })).status,
    ).toBe(403);
    const support = await createTestUser({ role: "support" });
    expect(
      (await call(GET, "GET", "/v1/Customers", { token: support.token, headers: h(t.tenant.domain) })).json,
    ).toHaveLength(5);
    expect(
      (
        await call(POST, "POST", "/v1/Customers", {
          token: support.token,
          body: { name: "No" },
          headers: h(t.tenant.domain),
        })
      ).status,
    ).toBe(403);

    const one = (token: string, id: string) =>
      call(GET_ONE, "GET", `/v1/Customers/${id}`, { token, headers: h(t.tenant.domain), params: { customerId: id } });
    expect((await one(t.resellerA.token, t.customerA.id)).json.name).toBe(t.customerA.name);
    expect((await one(t.resellerA.token, t.customerB.id)).status).toBe(404);
    expect((await one(t.csp.token, t.customerB.id)).status).toBe(200);
    // customers of another tenant are not visible through this one
    const other = await createTestTenant();
    expect((await one(t.csp.token, other.direct.id)).status).toBe(404);
  });

  it("provider instances: a csp configures them (portico ones link a Portico provider); everyone in the tenant lists them", async () => {
    const t = await createTestTenant();
    const post = (token: string, body: unknown) =>
      call(CREATE_INSTANCE, "POST", "/v1/ProviderInstances", { token, body, headers: h(t.tenant.domain) });
    const created = await post(t.csp.token, { name: "Our cloud", type: "portico", providerId: t.provider.id });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "Our cloud",
      type: "portico",
      providerId: t.provider.id,
      providerName: t.provider.name,
    });
    expect((await post(t.csp.token, { name: "our CLOUD", type: "aws" })).status).toBe(409);
    expect((await post(t.resellerA.token, { name: "Mine", type: "aws" })).status).toBe(403);
    const missing = await post(t.csp.token, { name: "P", type: "portico" });
    expect(missing.json.errors[0].propertyName).toBe("providerId");
    expect(
      (await post(t.csp.token, { name: "P", type: "portico", providerId: "no-such-provider" })).json.errors[0]
        .propertyName,
    ).toBe("providerId");
    expect((await post(t.csp.token, { name: "M", type: "microsoft", providerId: t.provider.id })).status).toBe(400);
    expect((await post(t.csp.token, { name: "M", type: "oracle" })).json.errors[0].propertyName).toBe("type");
    const list = await call(PROVIDER_INSTANCES, "GET", "/v1/ProviderInstances", {
      token: t.resellerA.token,
      headers: h(t.tenant.domain),
    });
    expect(names(list.json)).toEqual(names([t.microsoft, t.portico, created.json]));
  });

  it("resellers: a csp adds them and sees all; a reseller sees itself", async () => {
    const t = await createTestTenant();
    const created = await call(CREATE_RESELLER, "POST", "/v1/Resellers", {
      token: t.csp.token,
      body: { name: "Northwind" },
      headers: h(t.tenant.domain),
    });
    expect(created.status).toBe(201);
    expect(
      (
        await call(CREATE_RESELLER, "POST", "/v1/Resellers", {
          token: t.resellerA.token,
          body: { name: "X" },
          headers: h(t.tenant.domain),
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(RESELLERS, "GET", "/v1/Resellers", { token: t.csp.token, headers: h(t.tenant.domain) })).json,
    ).toHaveLength(3);
    expect(
      (
        await call(RESELLERS, "GET", "/v1/Resellers", { token: t.resellerA.token, headers: h(t.tenant.domain) })
      ).json.map((r: { id: string }) => r.id),
    ).toEqual([t.resellerA.resellerId]);
  });
});
