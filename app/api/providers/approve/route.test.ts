import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, organisations, providers } from "@/drizzle/schema";
import { PATCH as patchProvider } from "@/app/accounting-system/providers/[provider_id]/route";
import { POST as createCategory } from "@/app/api/marketplace-categories/route";
import { POST as createOffering } from "@/app/api/marketplace-provider-offerings/route";
import { PATCH as updateOffering } from "@/app/api/marketplace-provider-offerings/[uuid]/route";
import { POST as activate } from "@/app/api/marketplace-provider-offerings/[uuid]/activate/route";
import { hexUuid } from "@/lib/offerings/refs";
import { organisationsOfUser } from "@/lib/organisations/queries";
import { planPricesOfProvider } from "@/lib/tenancy/plan-prices";
import { call, createTestUser, db, unique } from "@/lib/testing/fixtures";
import { createTestOffering, offeringBody } from "@/lib/testing/waldur-offering";
import { POST as requestApproval } from "../requestApproval/route";
import { POST as approve } from "./route";

const ipHeaders = () => ({
  "x-portico-peer-address": `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`,
});

async function approvedRegistration() {
  const admin = await createTestUser({ role: "admin" });
  const sysadmin = await createTestUser();
  const specId = unique("approved");
  const specification = {
    id: specId,
    domain: "im.example.org",
    https: true,
    port: null,
    product: { id: "", category: "", provider: "ucloud_core" },
  };
  const info = await call(requestApproval, "POST", "/api/providers/requestApproval", {
    body: { type: "information", specification },
    headers: ipHeaders(),
  });
  await call(requestApproval, "POST", "/api/providers/requestApproval", {
    token: sysadmin.token,
    body: { type: "sign", token: info.json.token },
  });
  const approved = await call(approve, "POST", "/api/providers/approve", {
    token: admin.token,
    body: { token: info.json.token },
  });
  expect(approved.status).toBe(200);
  const [provider] = await (await db()).select().from(providers).where(eq(providers.id, specId));
  return { admin, sysadmin, specId, provider };
}

beforeAll(async () => void (await db())); // migrations under the hook's longer timeout

describe("approval links the registered provider to an organisation its signer owns", () => {
  it("creates the organisation with the signer as owner, in the audit log", async () => {
    const { sysadmin, specId, provider } = await approvedRegistration();
    expect(provider.organisationId).not.toBeNull();
    const [org] = await (await db()).select().from(organisations).where(eq(organisations.id, provider.organisationId!));
    expect(org.name).toBe(specId);
    expect(await organisationsOfUser(await db(), sysadmin.user.id)).toEqual([
      { id: org.id, name: specId, role: "owner", joinedAt: expect.any(Date) },
    ]);
    const events = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, org.id), eq(auditEvents.action, "organisation.create")));
    expect(events).toHaveLength(1);
    expect(events[0].summary).toMatchObject({ provider: specId, owner: sysadmin.user.id });
  });

  it("lets the signer publish offerings for it, which a portico provider instance of it then sells", async () => {
    const { admin, sysadmin, provider } = await approvedRegistration();
    const category = await call(createCategory, "POST", "/api/marketplace-categories/", {
      token: admin.token,
      scheme: "Token",
      body: { title: `Category ${unique()}` },
    });
    const offering = await createTestOffering(sysadmin.token, hexUuid(provider.organisationId!), category.json.uuid);
    const activated = await call(activate, "POST", `/api/marketplace-provider-offerings/${offering.uuid}/activate/`, {
      token: sysadmin.token,
      scheme: "Token",
      params: { uuid: offering.uuid },
    });
    expect(activated.status).toBe(201);
    const prices = await planPricesOfProvider(await db(), provider.pk);
    expect(
      prices.filter((p) => p.offeringName === offering.name).map((p) => [p.planName, p.component, p.price]),
    ).toEqual([
      ["Default", null, expect.stringMatching(/^25\.0*$/)], // 12.5 per TB × the plan's 2 TB
      ["Default", "Node hours", expect.stringMatching(/^0\.250*$/)],
    ]);
  });

  it("gives the organisation the name and abbreviation the provider admin completes in the profile", async () => {
    const { sysadmin, specId, provider } = await approvedRegistration();
    const patched = await call(patchProvider, "PATCH", `/accounting-system/providers/${specId}`, {
      token: sysadmin.token,
      params: { provider_id: specId },
      body: { name: "Completed Compute", abbreviation: "CC" },
    });
    expect(patched.status).toBe(200);
    const [org] = await (await db()).select().from(organisations).where(eq(organisations.id, provider.organisationId!));
    expect(org).toMatchObject({ name: "Completed Compute", abbreviation: "CC" });
    const [event] = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, org.id), eq(auditEvents.action, "organisation.update")));
    expect(event.summary).toMatchObject({ provider: specId, name: { from: specId, to: "Completed Compute" } });
  });

  it("links offerings only to the organisation's own provider (or one the person manages), on create and on update", async () => {
    const mine = await approvedRegistration();
    const theirs = await approvedRegistration();
    const category = await call(createCategory, "POST", "/api/marketplace-categories/", {
      token: mine.admin.token,
      scheme: "Token",
      body: { title: `Category ${unique()}` },
    });
    const customer = hexUuid(mine.provider.organisationId!);
    const refused = await call(createOffering, "POST", "/api/marketplace-provider-offerings/", {
      token: mine.sysadmin.token,
      scheme: "Token",
      body: offeringBody(customer, category.json.uuid, { provider: theirs.specId }),
    });
    expect(refused.status).toBe(400);
    expect(refused.json.provider).toEqual(["Link the offering to a provider of its organisation or one you manage."]);
    const linked = await createTestOffering(mine.sysadmin.token, customer, category.json.uuid, {
      provider: mine.specId,
    });
    expect(linked.provider).toBe(mine.specId);
    const moved = await call(updateOffering, "PATCH", `/api/marketplace-provider-offerings/${linked.uuid}/`, {
      token: mine.sysadmin.token,
      scheme: "Token",
      params: { uuid: linked.uuid },
      body: { provider: theirs.specId },
    });
    expect(moved.status).toBe(400);
    const [row] = await (await db()).select().from(providers).where(eq(providers.id, theirs.specId));
    expect(await planPricesOfProvider(await db(), row.pk)).toEqual([]);
  });
});
