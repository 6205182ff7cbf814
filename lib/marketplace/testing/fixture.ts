import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { accountingProjects, providers } from "@/drizzle/schema";
import { POST as activate } from "@/app/api/marketplace-provider-offerings/[uuid]/activate/route";
import { POST as addUser } from "@/app/api/marketplace-provider-offerings/[uuid]/add_user/route";
import { POST as placeOrderRoute } from "@/app/api/marketplace-orders/route";
import { registerProject } from "@/lib/accounting/projects";
import { getDb } from "@/lib/db/client";
import { hexUuid, toUuid } from "@/lib/offerings/refs";
import { call, createTestOrganisation, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering } from "@/lib/testing/waldur-offering";

export type MarketplaceFixture = {
  staff: TestUser;
  /** Owner of the provider's customer (and of the provider). */
  providerOwner: TestUser;
  /** A service account with OFFERING.MANAGER on the offering: the site agent. */
  agent: TestUser;
  /** A member of the project's customer. */
  member: TestUser;
  outsider: TestUser;
  providerId: string;
  offering: { uuid: string; url: string; plans: { uuid: string; url: string }[] };
  projectId: string;
  projectUuid: string;
  projectUrl: string;
};

/**
 * A provider with an Active SLURM offering (components node_hours and storage), its site agent, and a project of
 * another customer with a member who may order.
 */
export async function marketplaceFixture(): Promise<MarketplaceFixture> {
  const db = await getDb();
  const staff = await createTestUser({ role: "admin" });
  const providerOwner = await createTestUser();
  const agent = await createTestUser({ kind: "service" });
  const member = await createTestUser();
  const outsider = await createTestUser();
  const { customer, category } = await createWaldurCustomerAndCategory(staff.token, { ownerId: providerOwner.user.id });
  const providerId = unique("prov");
  await db.insert(providers).values({
    id: providerId,
    name: `Provider ${providerId}`,
    website: "https://example.org",
    abbreviation: providerId.toUpperCase(),
    logo: "https://example.org/logo.png",
    source: "argo",
    creatorId: providerOwner.user.id,
    ownerUserId: providerOwner.user.id,
    organisationId: toUuid(customer.uuid),
  });
  const offering = await createTestOffering(providerOwner.token, customer.url, category.url, { provider: providerId });
  const opts = { token: providerOwner.token, scheme: "Token" as const, params: { uuid: offering.uuid } };
  expect((await call(activate, "POST", "/", opts)).status).toBeLessThan(300);
  const granted = await call(addUser, "POST", "/", {
    ...opts,
    body: { role: "OFFERING.MANAGER", user: hexUuid(agent.user.id) },
  });
  expect(granted.status, JSON.stringify(granted.json)).toBe(201);
  const consumer = await createTestOrganisation(member.user.id, "member");
  const projectId = unique("proj");
  await registerProject(
    { db, actor: staff.actor, correlationId: unique("corr") },
    { id: projectId, acronym: projectId },
  );
  const [project] = await db
    .update(accountingProjects)
    .set({ organisationId: consumer.id })
    .where(eq(accountingProjects.id, projectId))
    .returning();
  return {
    staff,
    providerOwner,
    agent,
    member,
    outsider,
    providerId,
    offering: {
      uuid: offering.uuid,
      url: offering.url,
      plans: offering.plans.map((p: { uuid: string; url: string }) => p),
    },
    projectId,
    projectUuid: hexUuid(project.uuid),
    projectUrl: `http://portico.test/api/projects/${hexUuid(project.uuid)}/`,
  };
}

/** The member orders the offering's first plan; answers the created order. */
export async function placeTestOrder(f: MarketplaceFixture, extra: Record<string, unknown> = {}) {
  const res = await call(placeOrderRoute, "POST", "/api/marketplace-orders/", {
    token: f.member.token,
    scheme: "Token",
    body: {
      offering: f.offering.url,
      plan: f.offering.plans[0].url,
      project: f.projectUrl,
      limits: { storage: 3 },
      attributes: { name: unique("alloc") },
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}
