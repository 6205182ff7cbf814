import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/drizzle/schema";
import { call } from "@/lib/testing/fixtures";
import { createTestTenant, MICROSOFT_DATA } from "@/lib/testing/tenancy";
import { DELETE, GET as GET_ONE, PUT } from "./[providerInstanceId]/route";
import { GET, POST } from "./route";

const url = (customerId: string, q = "") => `/v1/Customers/${customerId}/provider-instances${q}`;
const headers = (tenant: string, correlationId = randomUUID()) => ({
  "x-tenant": tenant,
  "x-correlation-id": correlationId,
});

/** Every error body must be the seed's, field by field, with the request's correlation id. */
function expectSeedError(
  res: { status: number; json: Record<string, unknown>; headers: Headers },
  status: number,
  correlationId: string,
  properties: string[] = [],
) {
  expect(res.status).toBe(status);
  expect(Object.keys(res.json).sort()).toEqual(["correlationId", "description", "errors", "statusCode", "type"]);
  expect(res.json.statusCode).toBe(status);
  expect(typeof res.json.type).toBe("string");
  expect(typeof res.json.description).toBe("string");
  expect(res.json.correlationId).toBe(correlationId);
  expect(res.headers.get("x-correlation-id")).toBe(correlationId);
  const errors = res.json.errors as { propertyName: string; description: string[] }[];
  expect(Array.isArray(errors)).toBe(true);
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual(["description", "propertyName"]);
    expect(e.description.every((d) => typeof d === "string" && d.length > 0)).toBe(true);
  }
  expect(errors.map((e) => e.propertyName)).toEqual(expect.arrayContaining(properties));
  return errors;
}

describe("POST /v1/Customers/{customerId}/provider-instances (seed 004)", () => {
  it("replays the seed's request example: its placeholders are refused field by field, nothing written", async () => {
    const t = await createTestTenant();
    const cid = randomUUID();
    const seedBody = {
      providerInstanceId: "string",
      providerCustomerData: "string",
      margin: { marginRule: {} },
      offerTypeMargins: { Value: { license: { Value: 10, MarginRule: { Name: "markup" } } } },
    };
    const res = await call(POST, "POST", url(t.customerA.id), {
      token: t.csp.token,
      body: seedBody,
      headers: headers(t.tenant.domain, cid),
      params: { customerId: t.customerA.id },
    });
    const errors = expectSeedError(res, 400, cid, [
      "providerInstanceId",
      "margin.marginRule.name",
      "margin.marginRule.value",
    ]);
    expect(errors.map((e) => e.propertyName)).not.toContain("offerTypeMargins.Value.license.Value"); // the seed's override itself is valid
    const list = await call(GET, "GET", url(t.customerA.id), {
      token: t.csp.token,
      headers: headers(t.tenant.domain),
      params: { customerId: t.customerA.id },
    });
    expect(list.json).toEqual([]);
  });

  it("201 with the new id as a JSON string for the seed's body with real ids and a margin; read back in both forms", async () => {
    const t = await createTestTenant();
    const cid = randomUUID();
    const body = {
      providerInstanceId: t.microsoft.id,
      providerCustomerData: JSON.stringify(MICROSOFT_DATA),
      margin: { marginRule: { name: "Markup", value: 15 } },
      offerTypeMargins: { Value: { license: { Value: 10, MarginRule: { Name: "markup" } } } },
    };
    const res = await call(POST, "POST", url(t.customerA.id), {
      token: t.csp.token,
      body,
      headers: headers(t.tenant.domain, cid),
      params: { customerId: t.customerA.id },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-correlation-id")).toBe(cid);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(typeof res.json).toBe("string");
    expect(res.text).toBe(JSON.stringify(res.json));

    const one = await call(GET_ONE, "GET", url(t.customerA.id, `/${t.microsoft.id}`), {
      token: t.resellerA.token,
      headers: headers(t.tenant.domain),
      params: { customerId: t.customerA.id, providerInstanceId: t.microsoft.id },
    });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({
      id: res.json,
      customerId: t.customerA.id,
      providerInstanceId: t.microsoft.id,
      providerInstanceType: "microsoft",
      resellerId: t.resellerA.resellerId,
      margin: { marginRule: { name: "markup", value: 15 } },
      offerTypeMargins: { Value: { license: { Value: 10, MarginRule: { Name: "markup" } } } },
    });
    expect(JSON.parse(one.json.providerCustomerData)).toMatchObject({ Domain: "TestDomain", AcceptedMCA: true });

    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.correlationId, cid));
    expect(audit).toMatchObject({
      action: "customer_provider_instance.add",
      entityId: res.json,
      actorId: t.csp.user.id,
    });
  });

  it("X-Tenant: missing → 400, unknown → 404; no or bad token → 401; all in the seed's body", async () => {
    const t = await createTestTenant();
    const body = {
      providerInstanceId: t.portico.id,
      providerCustomerData: null,
      margin: { marginRule: { name: "markup", value: 5 } },
    };
    const params = { customerId: t.customerA.id };
    let cid = randomUUID();
    const missing = await call(POST, "POST", url(t.customerA.id), {
      token: t.csp.token,
      body,
      headers: { "x-correlation-id": cid },
      params,
    });
    expectSeedError(missing, 400, cid, ["X-Tenant"]);
    cid = randomUUID();
    expectSeedError(
      await call(POST, "POST", url(t.customerA.id), {
        token: t.csp.token,
        body,
        headers: headers("nope.example.test", cid),
        params,
      }),
      404,
      cid,
      ["X-Tenant"],
    );
    cid = randomUUID();
    expectSeedError(
      await call(POST, "POST", url(t.customerA.id), { body, headers: headers(t.tenant.domain, cid), params }),
      401,
      cid,
    );
    cid = randomUUID();
    const bad = await call(POST, "POST", url(t.customerA.id), {
      token: "ptk_not-a-token",
      body,
      headers: headers(t.tenant.domain, cid),
      params,
    });
    expectSeedError(bad, 401, cid);
    expect(bad.headers.get("www-authenticate")).toMatch(/^Bearer/);
    // a generated correlation id when none is sent, echoed in header and body
    const anon = await call(POST, "POST", url(t.customerA.id), { token: t.csp.token, body, params });
    expect(anon.status).toBe(400);
    expect(anon.json.correlationId).toBe(anon.headers.get("x-correlation-id"));
  });

  it("roles: csp for any customer with or without resellerId; reseller only its own and never with resellerId; others 403", async () => {
    const t = await createTestTenant();
    const body = (id: string) => ({
      providerInstanceId: id,
      providerCustomerData: null,
      margin: { marginRule: { name: "margin", value: "20" } },
    });
    const post = (token: string, customerId: string, b: unknown, q = "", cid = randomUUID()) =>
      call(POST, "POST", url(customerId, q), {
        token,
        body: b,
        headers: headers(t.tenant.domain, cid),
        params: { customerId },
        ...{},
      });
    const withQuery = (token: string, customerId: string, b: unknown, q: string, cid = randomUUID()) =>
      call(POST, "POST", url(customerId, q), {
        token,
        body: b,
        headers: headers(t.tenant.domain, cid),
        params: { customerId },
      });

    // reseller A: own customer ok; B's customer 404; direct customer 404; passing resellerId 400
    expect((await post(t.resellerA.token, t.customerA.id, body(t.portico.id))).status).toBe(201);
    let cid = randomUUID();
    expectSeedError(await post(t.resellerA.token, t.customerB.id, body(t.portico.id), "", cid), 404, cid);
    expect((await post(t.resellerA.token, t.direct.id, body(t.portico.id))).status).toBe(404);
    cid = randomUUID();
    expectSeedError(
      await withQuery(
        t.resellerA.token,
        t.customerA.id,
        body(t.microsoft.id),
        `?resellerId=${t.resellerA.resellerId}`,
        cid,
      ),
      400,
      cid,
      ["resellerId"],
    );

    // csp: any customer; with the right reseller 201; with the wrong one 400; with an unknown one 404
    expect((await post(t.csp.token, t.direct.id, body(t.portico.id))).status).toBe(201);
    const viaReseller = await withQuery(
      t.csp.token,
      t.customerB.id,
      body(t.portico.id),
      `?resellerId=${t.resellerB.resellerId}`,
    );
    expect(viaReseller.status).toBe(201);
    cid = randomUUID();
    expectSeedError(
      await withQuery(t.csp.token, t.customerA.id, body(t.portico.id), `?resellerId=${t.resellerB.resellerId}`, cid),
      400,
      cid,
      ["resellerId"],
    );
    cid = randomUUID();
    expectSeedError(
      await withQuery(t.csp.token, t.customerA.id, body(t.portico.id), `?resellerId=${randomUUID()}`, cid),
      404,
      cid,
      ["resellerId"],
    );
    expect((await withQuery(t.csp.token, t.customerA.id, body(t.microsoft.id), "?resellerId=not-a-uuid")).status).toBe(
      400,
    );

    // a federation admin acts as csp; a user without a tenant role (e.g. a customer's user) is refused
    expect(
      (await post(t.admin.token, t.customerA.id, { ...body(t.microsoft.id), providerCustomerData: MICROSOFT_DATA }))
        .status,
    ).toBe(201);
    cid = randomUUID();
    expectSeedError(await post(t.stranger.token, t.customerA.id, body(t.portico.id), "", cid), 403, cid);

    const list = await call(GET, "GET", url(t.customerB.id), {
      token: t.resellerB.token,
      headers: headers(t.tenant.domain),
      params: { customerId: t.customerB.id },
    });
    expect(list.json).toHaveLength(1);
    expect(list.json[0]).toMatchObject({
      providerInstanceId: t.portico.id,
      resellerId: t.resellerB.resellerId,
      providerId: t.provider.id,
    });
    expect(
      (
        await call(GET, "GET", url(t.customerB.id), {
          token: t.resellerA.token,
          headers: headers(t.tenant.domain),
          params: { customerId: t.customerB.id },
        })
      ).status,
    ).toBe(404);
  });

  it("unknown customer or instance → 404; the same instance twice → 409", async () => {
    const t = await createTestTenant();
    const body = {
      providerInstanceId: t.portico.id,
      providerCustomerData: "notes",
      margin: { marginRule: { name: "erpMinusDiscount", value: 5 } },
    };
    const post = (customerId: string, b: unknown, cid = randomUUID()) =>
      call(POST, "POST", url(customerId), {
        token: t.csp.token,
        body: b,
        headers: headers(t.tenant.domain, cid),
        params: { customerId },
      });
    let cid = randomUUID();
    expectSeedError(await post(randomUUID(), body, cid), 404, cid);
    cid = randomUUID();
    expectSeedError(await post(t.direct.id, { ...body, providerInstanceId: randomUUID() }, cid), 404, cid);
    expect((await post(t.direct.id, body)).status).toBe(201);
    cid = randomUUID();
    expectSeedError(await post(t.direct.id, body, cid), 409, cid, ["providerInstanceId"]);
    // an instance of another tenant is unknown here
    const other = await createTestTenant();
    expect((await post(t.direct.id, { ...body, providerInstanceId: other.portico.id })).status).toBe(404);
  });

  it("validates Microsoft customer data property by property, accepting JSON text or an object", async () => {
    const t = await createTestTenant();
    const post = (data: unknown, cid = randomUUID()) =>
      call(POST, "POST", url(t.direct.id), {
        token: t.csp.token,
        body: {
          providerInstanceId: t.microsoft.id,
          providerCustomerData: data,
          margin: { marginRule: { name: "markup", value: 0 } },
        },
        headers: headers(t.tenant.domain, cid),
        params: { customerId: t.direct.id },
      });
    let cid = randomUUID();
    const bad = {
      ...MICROSOFT_DATA,
      CredentialsEmail: "nope",
      AcceptedMCA: false,
      AgreementDate: "yesterday",
      DefaultCulture: "english",
      Phone: "call me",
      Qualifications: "none",
    } as Record<string, unknown>;
    delete bad.FirstName;
    const errors = expectSeedError(await post(JSON.stringify(bad), cid), 400, cid);
    expect(errors.map((e) => e.propertyName).sort()).toEqual(
      ["AcceptedMCA", "AgreementDate", "CredentialsEmail", "DefaultCulture", "FirstName", "Phone", "Qualifications"]
        .map((p) => `providerCustomerData.${p}`)
        .sort(),
    );
    cid = randomUUID();
    expectSeedError(await post(null, cid), 400, cid, ["providerCustomerData"]);
    cid = randomUUID();
    expectSeedError(await post("string", cid), 400, cid, ["providerCustomerData"]);
    // property names as a .NET client may case them
    const lower = Object.fromEntries(Object.entries(MICROSOFT_DATA).map(([k, v]) => [k.toLowerCase(), v]));
    expect((await post(lower)).status).toBe(201);
  });

  it("margins: rules case-insensitive, both wire forms; out of range → 400 naming the property; nothing written", async () => {
    const t = await createTestTenant();
    const post = (b: Record<string, unknown>, cid = randomUUID()) =>
      call(POST, "POST", url(t.direct.id), {
        token: t.csp.token,
        body: { providerInstanceId: t.portico.id, providerCustomerData: null, ...b },
        headers: headers(t.tenant.domain, cid),
        params: { customerId: t.direct.id },
      });
    let cid = randomUUID();
    let errors = expectSeedError(await post({ margin: { marginRule: { name: "markup", value: -1 } } }, cid), 400, cid, [
      "margin.marginRule.value",
    ]);
    expect(errors[0].description[0]).toMatch(/negative/);
    cid = randomUUID();
    errors = expectSeedError(await post({ margin: { marginRule: { name: "MARGIN", value: 100 } } }, cid), 400, cid, [
      "margin.marginRule.value",
    ]);
    expect(errors[0].description[0]).toMatch(/less than 100/);
    cid = randomUUID();
    expectSeedError(await post({ margin: { marginRule: { name: "discount", value: 1 } } }, cid), 400, cid, [
      "margin.marginRule.name",
    ]);
    cid = randomUUID();
    expectSeedError(
      await post(
        {
          margin: { Value: 5, MarginRule: { Name: "markup" } },
          offerTypeMargins: {
            Value: {
              license: { Value: 150, MarginRule: { Name: "erpMinusDiscount" } },
              azure: { Value: "x", MarginRule: { Name: "markup" } },
            },
          },
        },
        cid,
      ),
      400,
      cid,
      ["offerTypeMargins.Value.license.Value", "offerTypeMargins.Value.azure.Value"],
    );
    cid = randomUUID();
    expectSeedError(
      await post(
        {
          margin: { marginRule: { name: "markup", value: 1 } },
          offerTypeMargins: {
            Value: {
              License: { Value: 1, MarginRule: { Name: "markup" } },
              license: { Value: 2, MarginRule: { Name: "markup" } },
            },
          },
        },
        cid,
      ),
      400,
      cid,
    );
    cid = randomUUID();
    expectSeedError(await post({ margin: { marginRule: { name: "markup", value: 1 } }, extra: true }, cid), 400, cid);
    const list = await call(GET, "GET", url(t.direct.id), {
      token: t.csp.token,
      headers: headers(t.tenant.domain),
      params: { customerId: t.direct.id },
    });
    expect(list.json).toEqual([]);
    // the seed's offer-type form for the instance margin too, and a plain dictionary of overrides
    const ok = await post({
      margin: { Value: 12.5, MarginRule: { Name: "ErpMinusDiscount" } },
      offerTypeMargins: { software: { marginRule: { name: "margin", value: "33.3333" } } },
    });
    expect(ok.status).toBe(201);
    const read = await call(GET, "GET", url(t.direct.id), {
      token: t.csp.token,
      headers: headers(t.tenant.domain),
      params: { customerId: t.direct.id },
    });
    expect(read.json[0]).toMatchObject({
      margin: { marginRule: { name: "erpMinusDiscount", value: 12.5 } },
      offerTypeMargins: { Value: { software: { Value: 33.3333, MarginRule: { Name: "margin" } } } },
    });
  });

  it("updates margins and removes the link; a reseller cannot touch another's; replays an Idempotency-Key", async () => {
    const t = await createTestTenant();
    const params = { customerId: t.customerA.id, providerInstanceId: t.portico.id };
    const h = (cid = randomUUID()) => ({ ...headers(t.tenant.domain, cid), "idempotency-key": `k-${t.tenant.domain}` });
    const body = {
      providerInstanceId: t.portico.id,
      providerCustomerData: null,
      margin: { marginRule: { name: "markup", value: 10 } },
    };
    const first = await call(POST, "POST", url(t.customerA.id), {
      token: t.resellerA.token,
      body,
      headers: h(),
      params,
    });
    const again = await call(POST, "POST", url(t.customerA.id), {
      token: t.resellerA.token,
      body,
      headers: h(),
      params,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toBe(first.json);

    const put = (token: string, b: unknown, cid = randomUUID()) =>
      call(PUT, "PUT", url(t.customerA.id, `/${t.portico.id}`), {
        token,
        body: b,
        headers: headers(t.tenant.domain, cid),
        params,
      });
    const updated = await put(t.resellerA.token, {
      margin: { marginRule: { name: "margin", value: 25 } },
      offerTypeMargins: { Value: { license: { Value: 5, MarginRule: { Name: "markup" } } } },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      margin: { marginRule: { name: "margin", value: 25 } },
      offerTypeMargins: { Value: { license: { Value: 5 } } },
    });
    let cid = randomUUID();
    expectSeedError(
      await put(t.resellerA.token, { margin: { marginRule: { name: "margin", value: 120 } } }, cid),
      400,
      cid,
      ["margin.marginRule.value"],
    );
    expect((await put(t.resellerB.token, { margin: { marginRule: { name: "markup", value: 1 } } })).status).toBe(404);
    cid = randomUUID();
    const del = (token: string, c = randomUUID()) =>
      call(DELETE, "DELETE", url(t.customerA.id, `/${t.portico.id}`), {
        token,
        headers: headers(t.tenant.domain, c),
        params,
      });
    expectSeedError(await del(t.stranger.token, cid), 403, cid);
    expect((await del(t.resellerB.token)).status).toBe(404);
    expect((await del(t.resellerA.token)).status).toBe(204);
    expect((await del(t.resellerA.token)).status).toBe(404);
    const gone = await call(GET_ONE, "GET", url(t.customerA.id, `/${t.portico.id}`), {
      token: t.csp.token,
      headers: headers(t.tenant.domain),
      params,
    });
    expect(gone.status).toBe(404);
  });
});
