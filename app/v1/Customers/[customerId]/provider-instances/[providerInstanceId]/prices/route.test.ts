import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as activate } from "@/app/api/marketplace-provider-offerings/[uuid]/activate/route";
import { call } from "@/lib/testing/fixtures";
import { createTestTenant, MICROSOFT_DATA } from "@/lib/testing/tenancy";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering } from "@/lib/testing/waldur-offering";
import { POST as ADD } from "../../route";
import { PUT } from "../route";
import { GET } from "./route";

describe("GET /v1/Customers/{customerId}/provider-instances/{providerInstanceId}/prices", () => {
  it("gives each Active plan's base and effective price: offer-type override first, else the instance margin, rounded half-up", async () => {
    const t = await createTestTenant();
    const { customer, category } = await createWaldurCustomerAndCategory(t.admin.token, {
      categoryTitle: `HPC ${randomUUID().slice(0, 6)}`,
    });
    const offering = await createTestOffering(t.admin.token, customer.url, category.url, { provider: t.provider.id });
    const draftOnly = await createTestOffering(t.admin.token, customer.url, category.url, { provider: t.provider.id });
    expect(
      (
        await call(activate, "POST", `/api/marketplace-provider-offerings/${offering.uuid}/activate/`, {
          token: t.admin.token,
          scheme: "Token",
          params: { uuid: offering.uuid },
        })
      ).status,
    ).toBe(201);

    const h = { "x-tenant": t.tenant.domain, "x-correlation-id": randomUUID() };
    const params = { customerId: t.customerA.id, providerInstanceId: t.portico.id };
    const added = await call(ADD, "POST", `/v1/Customers/${t.customerA.id}/provider-instances`, {
      token: t.resellerA.token,
      headers: h,
      params,
      body: {
        providerInstanceId: t.portico.id,
        providerCustomerData: null,
        margin: { marginRule: { name: "markup", value: 10 } },
        offerTypeMargins: { Value: { License: { Value: 20, MarginRule: { Name: "margin" } } } },
      },
    });
    expect(added.status).toBe(201);

    const url = `/v1/Customers/${t.customerA.id}/provider-instances/${t.portico.id}/prices`;
    const res = await call(GET, "GET", url, { token: t.resellerA.token, headers: h, params });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ customerId: t.customerA.id, providerInstanceId: t.portico.id, currency: "EUR" });
    const rows = res.json.prices as {
      offeringId: string;
      planName: string;
      component: string | null;
      basePrice: string;
      effectivePrice: string;
      marginSource: string;
      offerType: string | null;
    }[];
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.offeringId.replace(/-/g, "") === offering.uuid)).toBe(true);
    expect(rows.some((r) => r.offeringId.replace(/-/g, "") === draftOnly.uuid)).toBe(false); // a Draft is not priced
    // storage 12.5 × quota 2 = 25.00 a month, a license: margin 20 → 25 / 0.8 = 31.25
    expect(rows.find((r) => r.component === null)).toMatchObject({
      basePrice: "25.00",
      effectivePrice: "31.25",
      marginSource: "offerType",
      offerType: "License",
    });
    // node hours 0.25 (usage): markup 10 → 0.275 → 0.28
    expect(rows.find((r) => r.component === "Node hours")).toMatchObject({
      basePrice: "0.25",
      effectivePrice: "0.28",
      marginSource: "instance",
      offerType: null,
    });

    // changing the margins changes the prices
    const put = await call(PUT, "PUT", url.replace("/prices", ""), {
      token: t.csp.token,
      headers: h,
      params,
      body: { margin: { marginRule: { name: "erpMinusDiscount", value: 10 } } },
    });
    expect(put.status).toBe(200);
    const after = (await call(GET, "GET", url, { token: t.csp.token, headers: h, params })).json.prices as typeof rows;
    expect(after.find((r) => r.component === null)).toMatchObject({
      effectivePrice: "22.50",
      marginSource: "instance",
    });
    expect(after.find((r) => r.component === "Node hours")).toMatchObject({ effectivePrice: "0.23" }); // 0.225 → 0.23

    // another reseller's view stops at its own customers; an external instance sells no Portico plans
    expect((await call(GET, "GET", url, { token: t.resellerB.token, headers: h, params })).status).toBe(404);
    await call(ADD, "POST", `/v1/Customers/${t.direct.id}/provider-instances`, {
      token: t.csp.token,
      headers: h,
      params: { customerId: t.direct.id },
      body: {
        providerInstanceId: t.microsoft.id,
        providerCustomerData: MICROSOFT_DATA,
        margin: { marginRule: { name: "markup", value: 1 } },
      },
    });
    const ms = await call(GET, "GET", `/v1/Customers/${t.direct.id}/provider-instances/${t.microsoft.id}/prices`, {
      token: t.csp.token,
      headers: h,
      params: { customerId: t.direct.id, providerInstanceId: t.microsoft.id },
    });
    expect(ms.json.prices).toEqual([]);
  });
});
