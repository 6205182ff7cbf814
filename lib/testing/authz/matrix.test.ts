import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  accountingProjects,
  componentUsages,
  marketplaceOrders,
  notifications,
  offerings,
  organisationMembers,
  webhookDeliveries,
  type OfferingRow,
} from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import { createCapacity } from "@/lib/accounting/capacities";
import { createInstallation } from "@/lib/accounting/installations";
import { createMetricDefinition } from "@/lib/accounting/metric-definitions";
import { associateProviders, registerProject } from "@/lib/accounting/projects";
import { postUsageRecord } from "@/lib/accounting/usage-records";
import { getDb } from "@/lib/db/client";
import { issueAccountLink } from "@/lib/identity/account-links";
import { emitEvent } from "@/lib/notifications/emit-event";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { toUuid } from "@/lib/offerings/refs";
import { findRegistrationByToken } from "@/lib/registration/queries";
import { retrieveRegisteredProvider } from "@/lib/registration/retrieve-registered-provider";
import { createEntitlement, assignEntitlement } from "@/lib/providers/entitlements";
import { setProviderAcl } from "@/lib/providers/provider-acl";
import { addTenantMember } from "@/lib/tenancy/add-tenant-member";
import { createProviderInstance } from "@/lib/tenancy/create-provider-instance";
import { insertApiToken } from "@/lib/tokens/create-api-token";
import { changeOrderState } from "@/lib/marketplace/change-order-state";
import { placeOrder } from "@/lib/marketplace/place-order";
import { setComponentUsage } from "@/lib/marketplace/set-usage";
import { call, createTestOrganisation, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { handlerFor, routePathOf, type RouteModule } from "@/lib/testing/fuzz/route-table";
import { addTestLink, createTestTenant, MICROSOFT_DATA } from "@/lib/testing/tenancy";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering } from "@/lib/testing/waldur-offering";

/*
 * The authorization matrix: every route handler of the app × every kind of actor, called for real.
 *
 * Two "worlds" A and B are built through the domain functions and APIs: each has a provider admin who owns
 * an ARGO provider (with an installation, usage and a capacity in a shared project), a registered UCloud
 * provider, a Waldur customer and an offering. Then: an OFFERING.MANAGER of A's offering only, an ACL
 * viewer of (project, provider A) only, a csp and a reseller of one CloudCockpit tenant, support and admin.
 *
 * Cell codes:  ok  = any 2xx
 *              401 = not authenticated
 *              403 = authenticated but refused
 *              404 = refused by hiding the object (the API answers "not found" to callers who may not see it)
 *              400 = refused by hiding a referenced object (Waldur: "Invalid hyperlink - Object does not exist.")
 * Every row names the object it acts on; rows that change things get a fresh object (or a reset) per cell,
 * so an allowed cell never depends on an earlier one.
 */

const ACTORS = ["anon", "member", "provA", "provB", "mgrA", "viewerA", "csp", "reseller", "support", "admin"] as const;
type ActorKey = (typeof ACTORS)[number];
type Code = "ok" | "0" | "400" | "401" | "403" | "404";

const modules = import.meta.glob<RouteModule>(["/app/**/route.ts", "!/app/api/auth/**"], { eager: true });
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The handler of `METHOD /route/path` (path as the route file spells it, `{param}` for segments). */
function H(route: string): Handler {
  const [method, path] = route.split(" ");
  const h = handlerFor({ method, path } as never, modules);
  if (!h) throw new Error(`no handler for ${route}`);
  return h;
}

type Req = {
  url: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  scheme?: "Bearer" | "Token";
  token?: string;
};
/** For list rows: whether the answer includes the row's object (an "ok" cell must include it, a "0" cell must not). */
type Shows = (body: unknown) => boolean;
type Row = { route: string; on: string; cells: Code[]; req: (a: ActorKey) => Req | Promise<Req>; shows?: Shows };

// ——— the world ———
type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const db = await getDb();
  const admin = await createTestUser({ role: "admin" });
  const support = await createTestUser({ role: "support" });
  const member = await createTestUser();
  const provA = await createTestUser();
  const provB = await createTestUser();
  const mgrA = await createTestUser();
  const viewerA = await createTestUser();
  const t = await createTestTenant();
  const users: Record<ActorKey, TestUser | null> = {
    anon: null,
    member,
    provA,
    provB,
    mgrA,
    viewerA,
    csp: t.csp,
    reseller: t.resellerA,
    support,
    admin,
  };
  const as = (u: TestUser): ServiceContext => ({ db, actor: u.actor, correlationId: unique("corr") });
  const ok = (res: { status: number; json: unknown }, what: string) => {
    expect(res.status, `${what}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
    return res.json;
  };

  // ARGO providers: the creator becomes the owner
  const argoProvider = async (owner: TestUser) => {
    const id = unique("prov");
    ok(
      await call(H("POST /accounting-system/providers"), "POST", "/accounting-system/providers", {
        token: owner.token,
        body: { id, name: `Provider ${id}` },
      }),
      "create provider",
    );
    return id;
  };
  const argoA = await argoProvider(provA);
  const argoB = await argoProvider(provB);
  const argoA2 = await argoProvider(provA); // associated with the project but without installations (dissociate)

  const project = unique("proj");
  await registerProject(as(admin), {
    id: project,
    acronym: "P",
    title: "Project",
    start_date: "2020-01-01",
    end_date: "2030-12-31",
    call_identifier: "H2020",
  });
  await associateProviders(as(admin), project, { providers: [argoA, argoB, argoA2] });
  const metricDef = await createMetricDefinition(as(admin), {
    metric_name: "storage",
    metric_description: "Storage",
    unit_type: "TB hours",
    metric_type: "aggregated",
  });
  const defOfA = await createMetricDefinition(as(provA), {
    metric_name: "cpu",
    metric_description: "CPU",
    unit_type: "core hours",
    metric_type: "aggregated",
  });
  const installation = async (owner: TestUser, provider: string) => {
    const ext = unique("ext");
    const inst = await createInstallation(as(owner), {
      project,
      organisation: provider,
      infrastructure: "infra",
      installation: unique("inst"),
      resource: "cloud",
      external_id: ext,
      unit_of_access: metricDef.id,
    });
    return { id: inst.id, ext };
  };
  const instA = await installation(provA, argoA);
  const instB = await installation(provB, argoB);
  const usage = (owner: TestUser, inst: string) =>
    postUsageRecord(as(owner), inst, {
      metric_definition_id: metricDef.id,
      time_period_start: "2024-03-01T00:00:00Z",
      time_period_end: "2024-03-02T00:00:00Z",
      value: 5,
      record_id: unique("rec"),
    });
  const usageA = await usage(provA, instA.id);
  const capacityA = await createCapacity(as(provA), instA.id, {
    metric_definition_id: metricDef.id,
    value: 100,
    registered_on: "2024-01-01",
  });
  await setProviderAcl(
    as(provA),
    { projectId: project, providerId: argoA, who: viewerA.user.id },
    { roles: ["viewer"] },
  );

  // UCloud registration: the signer owns the registered provider
  const registered = async (owner: TestUser) => {
    const token = await signedRegistration(owner);
    const approved = ok(
      await call(H("POST /api/providers/approve"), "POST", "/api/providers/approve", {
        token: admin.token,
        body: { token },
      }),
      "approve",
    ) as { id: string };
    return { id: approved.id, request: (await findRegistrationByToken(db, token))!.id };
  };
  const { id: regA, request: regRequestA } = await registered(provA);
  const { id: regB } = await registered(provB);

  // Waldur: a customer each (the provider admin owns it) and an offering linked to the ARGO provider
  const { customer: custA, category } = await createWaldurCustomerAndCategory(admin.token, { ownerId: provA.user.id });
  const { customer: custB } = await createWaldurCustomerAndCategory(admin.token, { ownerId: provB.user.id });
  const offA = await createTestOffering(provA.token, custA.url, category.url, { provider: argoA });
  const offB = await createTestOffering(provB.token, custB.url, category.url, { provider: argoB });
  ok(
    await call(
      H("POST /api/marketplace-provider-offerings/{uuid}/activate"),
      "POST",
      `/api/marketplace-provider-offerings/${offB.uuid}/activate/`,
      { token: provB.token, scheme: "Token", params: { uuid: offB.uuid } },
    ),
    "activate B",
  );
  ok(
    await call(
      H("POST /api/marketplace-provider-offerings/{uuid}/add_user"),
      "POST",
      `/api/marketplace-provider-offerings/${offA.uuid}/add_user/`,
      {
        token: provA.token,
        scheme: "Token",
        params: { uuid: offA.uuid },
        body: { role: "OFFERING.MANAGER", user: mgrA.user.id },
      },
    ),
    "add OFFERING.MANAGER",
  );

  // Marketplace orders: an Active offering of customer A (provider argoA, managed by mgrA), ordered for a project
  // of a customer whose member is `member`
  const offO = await createTestOffering(provA.token, custA.url, category.url, { provider: argoA });
  for (const [action, body] of [
    ["activate", undefined],
    ["add_user", { role: "OFFERING.MANAGER", user: mgrA.user.id }],
  ] as const)
    ok(
      await call(
        H(`POST /api/marketplace-provider-offerings/{uuid}/${action}`),
        "POST",
        `/api/marketplace-provider-offerings/${offO.uuid}/${action}/`,
        { token: provA.token, scheme: "Token", params: { uuid: offO.uuid }, body },
      ),
      `offering for orders: ${action}`,
    );
  const consumer = await createTestOrganisation(member.user.id, "member");
  const orderProject = unique("proj");
  await registerProject(as(admin), { id: orderProject, acronym: orderProject });
  const [{ uuid: orderProjectUuid }] = await db
    .update(accountingProjects)
    .set({ organisationId: consumer.id })
    .where(eq(accountingProjects.id, orderProject))
    .returning();

  // CloudCockpit: a link of reseller A's customer to the Microsoft instance
  const link = await addTestLink(t.csp, t.tenant.domain, t.customerA.id, {
    providerInstanceId: t.microsoft.id,
    providerCustomerData: JSON.stringify({ ...MICROSOFT_DATA, Domain: unique("dom") }),
    margin: { rule: "markup", value: 10 },
  });

  return {
    db,
    admin,
    support,
    member,
    provA,
    provB,
    mgrA,
    viewerA,
    t,
    users,
    as,
    argoA,
    argoB,
    argoA2,
    project,
    metricDef,
    defOfA,
    instA,
    instB,
    usageA,
    capacityA,
    regA,
    regRequestA,
    regB,
    custA,
    custB,
    category,
    offA,
    offB,
    offO,
    consumer,
    orderProjectUuid,
    link,
  };
}

async function signedRegistration(signer: TestUser): Promise<string> {
  const info = await call(H("POST /api/providers/requestApproval"), "POST", "/api/providers/requestApproval", {
    body: {
      type: "information",
      specification: {
        id: unique("spec"),
        domain: "provider.example.com",
        https: true,
        port: null,
        product: { id: "", category: "", provider: "ucloud_core" },
      },
    },
  });
  expect(info.status, JSON.stringify(info.json)).toBe(200);
  const signed = await call(H("POST /api/providers/requestApproval"), "POST", "/api/providers/requestApproval", {
    token: signer.token,
    body: { type: "sign", token: info.json.token },
  });
  expect(signed.status, JSON.stringify(signed.json)).toBe(200);
  return info.json.token as string;
}

const tok = (a: ActorKey) => w.users[a]?.token;
const tenantHeaders = () => ({ "x-tenant": w.t.tenant.domain });
const offeringUrl = (o: { uuid: string }, action?: string) => ({
  url: `/api/marketplace-provider-offerings/${o.uuid}/${action ? `${action}/` : ""}`,
  params: { uuid: o.uuid },
  scheme: "Token" as const,
});
const setOfferingState = async (o: { uuid: string }, state: OfferingRow["state"]) => {
  await w.db
    .update(offerings)
    .set({ state })
    .where(eq(offerings.id, toUuid(o.uuid)!));
};
const inst = (id: string, rest = "") => ({ url: `/accounting-system/installations/${id}${rest}`, params: { id } });
const pair = (provider: string, rest: string) => ({
  url: `/accounting-system/projects/${w.project}/providers/${provider}/${rest}`,
  params: { project_id: w.project, provider_id: provider },
});
const range = "start=2024-01-01&end=2024-12-31";
const freshUser = async () => (await createTestUser()).user;
/** `member` (a row above swaps in a fresh user) is a member of the customer whose project orders O. */
const consumerMember = async () => {
  await w.db
    .insert(organisationMembers)
    .values({ organisationId: w.consumer.id, userId: w.member.user.id, role: "member" })
    .onConflictDoNothing();
};
/** A fresh order of offering O for member's project, pending-provider (or moved on by staff). */
const newOrder = async (then?: "approve_by_provider") => {
  await consumerMember();
  const order = await placeOrder(w.as(w.member), {
    offering: w.offO.uuid,
    plan: w.offO.plans[0].uuid,
    project: w.orderProjectUuid,
    attributes: { name: unique("alloc") },
  });
  if (then) await changeOrderState(w.as(w.admin), order.id, then);
  return order.id.replace(/-/g, "");
};
const orderUrl = async (action?: string, then?: "approve_by_provider", body?: unknown) => {
  const uuid = await newOrder(then);
  return {
    url: `/api/marketplace-orders/${uuid}/${action ? `${action}/` : ""}`,
    params: { uuid },
    scheme: "Token" as const,
    body,
  };
};
/** A fresh resource of offering O in member's project: its Create order approved and done (state OK). */
const newResource = async () => {
  const order = await newOrder("approve_by_provider");
  await changeOrderState(w.as(w.admin), toUuid(order)!, "set_state_done");
  const [row] = await w.db
    .select()
    .from(marketplaceOrders)
    .where(eq(marketplaceOrders.id, toUuid(order)!));
  return row.resourceId.replace(/-/g, "");
};
let aResource: string | undefined;
const existingResource = async () => {
  await consumerMember();
  return (aResource ??= await newResource());
};
const resourceUrl = async (action?: string, body?: unknown, fresh = false) => {
  const uuid = fresh ? await newResource() : await existingResource();
  return {
    url: `/api/marketplace-provider-resources/${uuid}/${action ? `${action}/` : ""}`,
    params: { uuid },
    scheme: "Token" as const,
    body,
  };
};
const resourceUsageBody = async () => ({
  resource: await existingResource(),
  usages: [{ type: "node_hours", amount: "5.00" }],
});
let aUsage: string | undefined;
const existingUsage = async () => {
  if (aUsage) return aUsage;
  await setComponentUsage(w.as(w.admin), await resourceUsageBody());
  const [row] = await w.db
    .select()
    .from(componentUsages)
    .where(eq(componentUsages.resourceId, toUuid(await existingResource())!));
  return (aUsage = row.id.replace(/-/g, ""));
};
let anOrder: string | undefined;
const existingOrder = async () => {
  await consumerMember();
  return (anOrder ??= await newOrder());
};

// ——— the table ———
// prettier-ignore
const TABLE: [route: string, on: string, cells: string, req: (a: ActorKey) => Req | Promise<Req>, shows?: Shows][] = [
  //                                                                                                anon member provA provB mgrA viewerA csp reseller support admin
  // Portal: the caller's own account and tokens; user administration is admin's (support reads)
  ["GET /api/me",                                   "the caller",                                  "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/me" })],
  ["GET /api/me/home",                              "the caller's home",                           "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/me/home" })],
  ["GET /api/tokens",                               "the caller's tokens",                         "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/tokens" })],
  ["POST /api/tokens",                              "a token for the caller",                      "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/tokens", body: { name: unique("tok") } })],
  ["DELETE /api/tokens/{id}",                       "member's token (404: only its holder sees it)",   "401 ok  404 404 404 404 404 404 404 404", async () => { const { row } = await insertApiToken(w.db, w.member.user.id, { name: "victim", expiresAt: null }); return { url: `/api/tokens/${row.id}`, params: { id: row.id } }; }],
  // Notifications (portal): each person's own inbox and e-mail choices
  ["GET /api/notifications",                        "the caller's inbox",                          "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/notifications" })],
  ["PATCH /api/notifications/{id}",                 "member's notification (404: only its holder sees it)", "401 ok  404 404 404 404 404 404 404 404", async () => { const id = await notificationFor(w.member.user.id); return { url: `/api/notifications/${id}`, params: { id }, body: { read: true } }; }],
  ["POST /api/notifications/read-all",              "the caller's inbox",                          "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/notifications/read-all" })],
  ["GET /api/me/notification-preferences",          "the caller's e-mail choices",                 "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/me/notification-preferences" })],
  ["PUT /api/me/notification-preferences",          "the caller's e-mail choices",                 "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/me/notification-preferences", body: { email: { "registration.approved": true } } })],
  // Webhooks (portal): an organisation's owners and managers and admins; support reads; others are told it does not exist
  ["GET /api/organisations/{id}/webhooks",          "customer A's webhooks",                       "401 404 ok  404 404 404 404 404 ok  ok ", () => ({ url: `/api/organisations/${orgA()}/webhooks`, params: { id: orgA() } })],
  ["POST /api/organisations/{id}/webhooks",         "a webhook for customer A",                    "401 404 ok  404 404 404 404 404 403 ok ", () => ({ url: `/api/organisations/${orgA()}/webhooks`, params: { id: orgA() }, body: { url: "https://hooks.example.org/portico" } })],
  ["PATCH /api/organisations/{id}/webhooks/{webhookId}", "a webhook of customer A",                "401 404 ok  404 404 404 404 404 403 ok ", async () => { const h = await hookOfA(); return { url: `/api/organisations/${orgA()}/webhooks/${h}`, params: { id: orgA(), webhookId: h }, body: { description: "changed" } }; }],
  ["DELETE /api/organisations/{id}/webhooks/{webhookId}", "a webhook of customer A",               "401 404 ok  404 404 404 404 404 403 ok ", async () => { const h = await hookOfA(); return { url: `/api/organisations/${orgA()}/webhooks/${h}`, params: { id: orgA(), webhookId: h } }; }],
  ["GET /api/organisations/{id}/webhooks/{webhookId}/deliveries", "a webhook of customer A's log", "401 404 ok  404 404 404 404 404 ok  ok ", async () => { const h = await hookOfA(); return { url: `/api/organisations/${orgA()}/webhooks/${h}/deliveries`, params: { id: orgA(), webhookId: h } }; }],
  ["POST /api/organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", "a delivery to customer A's webhook", "401 404 ok  404 404 404 404 404 403 ok ", async () => { const h = await hookOfA(); const d = await deliveryTo(h); return { url: `/api/organisations/${orgA()}/webhooks/${h}/deliveries/${d}/redeliver`, params: { id: orgA(), webhookId: h, deliveryId: d } }; }],
  ["GET /api/admin/webhook-settings",               "the webhook settings",                        "401 403 403 403 403 403 403 403 ok  ok ", () => ({ url: "/api/admin/webhook-settings" })],
  ["PUT /api/admin/webhook-settings",               "the webhook settings",                        "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/api/admin/webhook-settings", body: { allowPrivateTargets: false } })],
  ["GET /api/admin/users",                          "all users",                                   "401 403 403 403 403 403 403 403 ok  ok ", () => ({ url: "/api/admin/users" })],
  ["POST /api/admin/users",                         "a new user",                                  "401 403 403 403 403 403 403 403 403 ok ", () => { const n = unique("nu"); return { url: "/api/admin/users", body: { email: `${n}@example.test`, username: n, name: n, role: "member", password: `Qv8!${randomUUID()}` } }; }],
  ["GET /api/admin/users/{id}",                     "member",                                      "401 403 403 403 403 403 403 403 ok  ok ", () => ({ url: `/api/admin/users/${w.member.user.id}`, params: { id: w.member.user.id } })],
  ["PATCH /api/admin/users/{id}",                   "member",                                      "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: `/api/admin/users/${w.member.user.id}`, params: { id: w.member.user.id }, body: { name: "Member" } })],
  // Accounts (portal): anyone asks for a link; following one is authorised by its token alone
  ["POST /api/account/signup",                      "a sign-up link to a new address",             "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/account/signup", body: { email: `${unique("su")}@example.test`, name: "New" } })],
  ["POST /api/account/signup/complete",             "a fresh sign-up link",                        "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", async () => { const { token } = await issueAccountLink(w.db, "signup", { email: `${unique("su")}@example.test` }); return { url: "/api/account/signup/complete", body: { token, username: unique("su"), password: `Qv8!${randomUUID()}` } }; }],
  ["POST /api/account/password-reset",              "a reset link to member",                      "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/account/password-reset", body: { email: w.member.user.email } })],
  ["POST /api/account/password-reset/complete",     "a fresh user's reset link",                   "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", async () => { const u = await freshUser(); const { token } = await issueAccountLink(w.db, "password-reset", { email: u.email, userId: u.id }); return { url: "/api/account/password-reset/complete", body: { token, password: `Qv8!${randomUUID()}` } }; }],
  ["GET /api/audit-events",                         "the audit log",                               "401 403 403 403 403 403 403 403 ok  ok ", () => ({ url: "/api/audit-events" })],
  ["GET /api/openapi.json",                         "the API description (public)",                "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/openapi.json" })],
  ["GET /api/health",                               "liveness (public)",                           "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/health" })],
  // Tenancy (portal): tenants are admin's; a tenant's members are its csp's (support reads)
  ["GET /api/tenants",                              "tenants the caller may see: the tenant?",                  "401 0   0   0   0   0   ok  ok  ok  ok ", () => ({ url: "/api/tenants" }), (b) => listIncludes(w.t.tenant.domain)(b)],
  ["POST /api/tenants",                             "a new tenant",                                "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/api/tenants", body: { domain: `${unique("t")}.example.test`, name: unique("Tenant") } })],
  ["GET /api/tenants/{domain}/members",             "the tenant's members",                        "401 403 403 403 403 403 ok  403 ok  ok ", () => ({ url: `/api/tenants/${w.t.tenant.domain}/members`, params: { domain: w.t.tenant.domain } })],
  ["POST /api/tenants/{domain}/members",            "a new reseller member",                       "401 403 403 403 403 403 ok  403 403 ok ", async () => ({ url: `/api/tenants/${w.t.tenant.domain}/members`, params: { domain: w.t.tenant.domain }, body: { user: (await freshUser()).id, role: "reseller" } })],
  ["DELETE /api/tenants/{domain}/members/{userId}", "a reseller member",                           "401 403 403 403 403 403 ok  403 403 ok ", async () => { const u = await freshUser(); await addTenantMember(w.as(w.admin), w.t.tenant.domain, { user: u.id, role: "reseller" }); return { url: `/api/tenants/${w.t.tenant.domain}/members/${u.id}`, params: { domain: w.t.tenant.domain, userId: u.id } }; }],
  // CloudCockpit (X-Tenant): csp everything, reseller its own customers (others' are 404), support reads
  ["GET /v1/Customers",                             "the tenant's customers: reseller B's?",                      "401 403 403 403 403 403 ok  0   ok  ok ", () => ({ url: "/v1/Customers", headers: tenantHeaders() }), (b) => listIncludes(w.t.customerB.id)(b)],
  ["POST /v1/Customers",                            "a new customer",                              "401 403 403 403 403 403 ok  ok  403 ok ", () => ({ url: `/v1/Customers`, headers: tenantHeaders(), body: { name: unique("Cust") } })],
  ["GET /v1/Customers/{customerId}",                "reseller A's customer",                       "401 403 403 403 403 403 ok  ok  ok  ok ", () => ({ url: `/v1/Customers/${w.t.customerA.id}`, params: { customerId: w.t.customerA.id }, headers: tenantHeaders() })],
  ["GET /v1/Customers/{customerId}",                "reseller B's customer (hidden from A)",      "401 403 403 403 403 403 ok  404 ok  ok ", () => ({ url: `/v1/Customers/${w.t.customerB.id}`, params: { customerId: w.t.customerB.id }, headers: tenantHeaders() })],
  ["GET /v1/Customers/{customerId}/provider-instances", "reseller A's customer's links",          "401 403 403 403 403 403 ok  ok  ok  ok ", () => ({ url: `/v1/Customers/${w.t.customerA.id}/provider-instances`, params: { customerId: w.t.customerA.id }, headers: tenantHeaders() })],
  ["GET /v1/Customers/{customerId}/provider-instances", "reseller B's customer's links",          "401 403 403 403 403 403 ok  404 ok  ok ", () => ({ url: `/v1/Customers/${w.t.customerB.id}/provider-instances`, params: { customerId: w.t.customerB.id }, headers: tenantHeaders() })],
  ["POST /v1/Customers/{customerId}/provider-instances", "a new link of reseller A's customer",   "401 403 403 403 403 403 ok  ok  403 ok ", async () => { const pi = await createProviderInstance(w.as(w.admin), w.t.tenant.domain, { name: unique("AWS"), type: "aws" }); return { url: `/v1/Customers/${w.t.customerA.id}/provider-instances`, params: { customerId: w.t.customerA.id }, headers: tenantHeaders(), body: { providerInstanceId: pi.id, providerCustomerData: null, margin: { marginRule: { name: "Markup", value: 5 } } } }; }],
  ["GET /v1/Customers/{customerId}/provider-instances/{providerInstanceId}", "reseller A's link", "401 403 403 403 403 403 ok  ok  ok  ok ", () => ({ url: `/v1/Customers/${w.t.customerA.id}/provider-instances/${w.t.microsoft.id}`, params: { customerId: w.t.customerA.id, providerInstanceId: w.t.microsoft.id }, headers: tenantHeaders() })],
  ["GET /v1/Customers/{customerId}/provider-instances/{providerInstanceId}/prices", "reseller A's link's prices", "401 403 403 403 403 403 ok  ok  ok  ok ", () => ({ url: `/v1/Customers/${w.t.customerA.id}/provider-instances/${w.t.microsoft.id}/prices`, params: { customerId: w.t.customerA.id, providerInstanceId: w.t.microsoft.id }, headers: tenantHeaders() })],
  ["GET /v1/Customers/{customerId}/provider-instances/{providerInstanceId}/prices", "a link of reseller B's customer", "401 403 403 403 403 403 ok  404 ok  ok ", async () => { const pi = await createProviderInstance(w.as(w.admin), w.t.tenant.domain, { name: unique("AWS"), type: "aws" }); await addTestLink(w.t.csp, w.t.tenant.domain, w.t.customerB.id, { providerInstanceId: pi.id, providerCustomerData: null, margin: { rule: "markup", value: 1 } }); return { url: `/v1/Customers/${w.t.customerB.id}/provider-instances/${pi.id}/prices`, params: { customerId: w.t.customerB.id, providerInstanceId: pi.id }, headers: tenantHeaders() }; }],
  ["PUT /v1/Customers/{customerId}/provider-instances/{providerInstanceId}", "reseller A's link", "401 403 403 403 403 403 ok  ok  403 ok ", () => ({ url: `/v1/Customers/${w.t.customerA.id}/provider-instances/${w.t.microsoft.id}`, params: { customerId: w.t.customerA.id, providerInstanceId: w.t.microsoft.id }, headers: tenantHeaders(), body: { margin: { marginRule: { name: "Markup", value: 12 } } } })],
  ["DELETE /v1/Customers/{customerId}/provider-instances/{providerInstanceId}", "a link of reseller A's customer", "401 403 403 403 403 403 ok  ok  403 ok ", async () => { const pi = await createProviderInstance(w.as(w.admin), w.t.tenant.domain, { name: unique("AWS"), type: "aws" }); await addTestLink(w.t.csp, w.t.tenant.domain, w.t.customerA.id, { providerInstanceId: pi.id, providerCustomerData: null, margin: { rule: "markup", value: 1 } }); return { url: `/v1/Customers/${w.t.customerA.id}/provider-instances/${pi.id}`, params: { customerId: w.t.customerA.id, providerInstanceId: pi.id }, headers: tenantHeaders() }; }],
  ["DELETE /v1/Customers/{customerId}/provider-instances/{providerInstanceId}", "a link of reseller B's customer", "401 403 403 403 403 403 ok  404 403 ok ", async () => { const pi = await createProviderInstance(w.as(w.admin), w.t.tenant.domain, { name: unique("AWS"), type: "aws" }); await addTestLink(w.t.csp, w.t.tenant.domain, w.t.customerB.id, { providerInstanceId: pi.id, providerCustomerData: null, margin: { rule: "markup", value: 1 } }); return { url: `/v1/Customers/${w.t.customerB.id}/provider-instances/${pi.id}`, params: { customerId: w.t.customerB.id, providerInstanceId: pi.id }, headers: tenantHeaders() }; }],
  ["GET /v1/ProviderInstances",                     "the tenant's provider instances",             "401 403 403 403 403 403 ok  ok  ok  ok ", () => ({ url: "/v1/ProviderInstances", headers: tenantHeaders() })],
  ["POST /v1/ProviderInstances",                    "a new provider instance",                     "401 403 403 403 403 403 ok  403 403 ok ", () => ({ url: "/v1/ProviderInstances", headers: tenantHeaders(), body: { name: unique("Cloud"), type: "aws" } })],
  ["GET /v1/Resellers",                             "the tenant's resellers (a reseller: itself)", "401 403 403 403 403 403 ok  ok  ok  ok ", () => ({ url: "/v1/Resellers", headers: tenantHeaders() })],
  ["POST /v1/Resellers",                            "a new reseller",                              "401 403 403 403 403 403 ok  403 403 ok ", () => ({ url: "/v1/Resellers", headers: tenantHeaders(), body: { name: unique("Reseller") } })],
  // UCloud registration: anyone may start, a person signs (and owns), admin approves; owners see theirs (others: 404)
  ["POST /api/providers/requestApproval",           "a new registration (information)",            "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/providers/requestApproval", body: { type: "information", specification: { id: unique("spec"), domain: "p.example.com", https: true, port: null, product: { id: "", category: "", provider: "ucloud_core" } } } })],
  ["POST /api/providers/approve",                   "a signed registration",                       "401 403 403 403 403 403 403 403 403 ok ", async () => ({ url: "/api/providers/approve", body: { token: await signedRegistration(w.member) } })],
  ["POST /api/providers/reject",                    "a signed registration",                       "401 403 403 403 403 403 403 403 403 ok ", async () => ({ url: "/api/providers/reject", body: { token: await signedRegistration(w.member), reason: "No." } })],
  ["GET /api/providers/retrieve",                   "A's registered provider",                     "401 404 ok  404 404 404 404 404 ok  ok ", () => ({ url: `/api/providers/retrieve?id=${w.regA}` })],
  ["GET /api/providers/browse",                     "the caller's registered providers: A's?",           "401 0   ok  0   0   0   0   0   ok  ok ", () => ({ url: "/api/providers/browse" }), (b) => listIncludes(`"${w.regA}"`)(b)],
  ["POST /api/providers/renewToken",                "A's registered provider",                     "401 403 ok  403 403 403 403 403 403 ok ", () => ({ url: "/api/providers/renewToken", body: { items: [{ id: w.regA }] } })],
  ["GET /api/registrations",                       "the approval queue",                          "401 403 403 403 403 403 403 403 ok  ok ", () => ({ url: "/api/registrations" })],
  ["GET /api/registrations/{id}",                  "A's registration request (others: 404)",     "401 404 ok  404 404 404 404 404 ok  ok ", () => ({ url: `/api/registrations/${w.regRequestA}`, params: { id: w.regRequestA } })],
  ["POST /auth/refresh",                            "the caller's own API token as refresh token", "401 401 401 401 401 401 401 401 401 401", () => ({ url: "/auth/refresh" })],
  ["POST /auth/providers/refresh",                  "A's refresh token (public, as UCloud's)",      "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", async () => ({ url: "/auth/providers/refresh", body: { items: [{ refreshToken: (await retrieveRegisteredProvider(w.as(w.admin), w.regA)).refreshToken }] } })],
  ["POST /auth/providers/refresh",                  "the caller's own API token as refresh token", "401 401 401 401 401 401 401 401 401 401", (a) => ({ url: "/auth/providers/refresh", body: { items: [{ refreshToken: tok(a) ?? "anonymous" }] } })],
  ["POST /auth/providers/renew",                    "A's registered provider",                     "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/auth/providers/renew", body: { items: [{ id: w.regA }] } })],
  // Unknown paths under each API prefix: a JSON 404 for everyone, in the dialect's shape (lib/openapi/unknown-path-routes.ts)
  ...(["auth", "accounting-system", "api", "v1"] as const).flatMap((prefix) =>
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map(
      (m): (typeof TABLE)[number] => [`${m} /${prefix}/{path*}`, "a path no operation serves", "404 404 404 404 404 404 404 404 404 404", () => ({ url: `/${prefix}/no-such-path` })],
    ),
  ),
  // ARGO providers: any non-support user registers one and owns it; the owner (or admin) changes it
  ["POST /accounting-system/providers",             "a new provider",                              "401 ok  ok  ok  ok  ok  ok  ok  403 ok ", () => { const id = unique("np"); return { url: "/accounting-system/providers", body: { id, name: id } }; }],
  ["GET /accounting-system/providers",              "all providers",                               "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/accounting-system/providers" })],
  ["GET /accounting-system/providers/{provider_id}", "provider A",                                 "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: `/accounting-system/providers/${w.argoA}`, params: { provider_id: w.argoA } })],
  // (ARGO's PATCH refuses a provider that belongs to a project, for everyone: these rows use ones in none)
  ["PATCH /accounting-system/providers/{provider_id}", "a provider of A in no project",            "401 403 ok  403 403 403 403 403 403 ok ", async () => { const id = unique("up"); expect((await call(H("POST /accounting-system/providers"), "POST", "/p", { token: w.provA.token, body: { id, name: id } })).status).toBe(201); return { url: `/accounting-system/providers/${id}`, params: { provider_id: id }, body: { abbreviation: "A" } }; }],
  ["PATCH /accounting-system/providers/{provider_id}", "a provider of B in no project",            "401 403 403 ok  403 403 403 403 403 ok ", async () => { const id = unique("up"); expect((await call(H("POST /accounting-system/providers"), "POST", "/p", { token: w.provB.token, body: { id, name: id } })).status).toBe(201); return { url: `/accounting-system/providers/${id}`, params: { provider_id: id }, body: { abbreviation: "B" } }; }],
  ["DELETE /accounting-system/providers/{provider_id}", "a provider of A",                         "401 403 ok  403 403 403 403 403 403 ok ", async () => { const id = unique("dp"); expect((await call(H("POST /accounting-system/providers"), "POST", "/p", { token: w.provA.token, body: { id, name: id } })).status).toBe(201); return { url: `/accounting-system/providers/${id}`, params: { provider_id: id } }; }],
  ["POST /accounting-system/providers/search",      "providers matching a query",                  "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/accounting-system/providers/search", body: { type: "query", field: "id", values: w.argoA, operand: "eq" } })],
  ["POST /accounting-system/admin/providers/import", "the catalogue",                              "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/accounting-system/admin/providers/import" })],
  // ARGO access control: entitlements are admin's (support reads); a provider's ACL is its owner's
  ["POST /accounting-system/admin/entitlements",    "a new entitlement",                           "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/accounting-system/admin/entitlements", body: { name: `urn:geant:sandbox.eosc-beyond.eu:core:integration:group:accounting:${unique("pj")}:${w.argoA}:role=viewer` } })],
  ["GET /accounting-system/admin/entitlements",     "all entitlements",                            "401 403 403 403 403 403 403 403 ok  ok ", () => ({ url: "/accounting-system/admin/entitlements" })],
  ["DELETE /accounting-system/admin/entitlements/{id}", "an entitlement",                          "401 403 403 403 403 403 403 403 403 ok ", async () => { const e = await newEntitlement(); return { url: `/accounting-system/admin/entitlements/${e.id}`, params: { id: e.id } }; }],
  ["POST /accounting-system/admin/entitlements/{id}/assign/{actor_id}", "an entitlement → member", "401 403 403 403 403 403 403 403 403 ok ", async () => { const e = await newEntitlement(); return { url: "/a", params: { id: e.id, actor_id: w.member.user.id } }; }],
  ["DELETE /accounting-system/admin/entitlements/{id}/assign/{actor_id}", "member's entitlement",  "401 403 403 403 403 403 403 403 403 ok ", async () => { const e = await newEntitlement(); await assignEntitlement(w.as(w.admin), e.id, w.member.user.id); return { url: "/a", params: { id: e.id, actor_id: w.member.user.id } }; }],
  ["POST /accounting-system/projects/{project_id}/providers/{provider_id}/acl/{who}", "ACL of (project, A)", "401 403 ok  403 403 403 403 403 403 ok ", () => ({ ...acl(w.argoA, w.member.user.id), body: { roles: ["collector"] } })],
  ["POST /accounting-system/projects/{project_id}/providers/{provider_id}/acl/{who}", "ACL of (project, B)", "401 403 403 ok  403 403 403 403 403 ok ", () => ({ ...acl(w.argoB, w.member.user.id), body: { roles: ["collector"] } })],
  ["DELETE /accounting-system/projects/{project_id}/providers/{provider_id}/acl/{who}", "ACL of (project, A)", "401 403 ok  403 403 403 403 403 403 ok ", async () => { const u = await freshUser(); await setProviderAcl(w.as(w.admin), { projectId: w.project, providerId: w.argoA, who: u.id }, { roles: ["viewer"] }); return acl(w.argoA, u.id); }],
  ["GET /accounting-system/projects/{project_id}/providers/{provider_id}/acl", "ACL of (project, A)", "401 403 ok  403 403 403 403 403 ok  ok ", () => ({ url: `/accounting-system/projects/${w.project}/providers/${w.argoA}/acl`, params: { project_id: w.project, provider_id: w.argoA } })],
  // Waldur customers and users: staff create; owners and support read a customer; users read themselves
  ["GET /api/customers",                            "customers the caller may see: A?",                "401 0   ok  0   0   0   0   0   ok  ok ", () => ({ url: "/api/customers/", scheme: "Token" }), (b) => listIncludes(w.custA.uuid)(b)],
  ["POST /api/customers",                           "a new customer",                              "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/api/customers/", scheme: "Token", body: { name: unique("Customer") } })],
  ["GET /api/customers/{uuid}",                     "customer A",                                  "401 404 ok  404 404 404 404 404 ok  ok ", () => ({ url: `/api/customers/${w.custA.uuid}/`, params: { uuid: w.custA.uuid }, scheme: "Token" })],
  ["GET /api/users",                                "users the caller may see: member?",                                   "401 ok  0   0   0   0   0   0   ok  ok ", () => ({ url: `/api/users/?username=${w.member.user.username}`, scheme: "Token" }), (b) => listIncludes(w.member.user.id.replace(/-/g, ""))(b)],
  ["POST /api/users",                               "a new service user",                          "401 403 403 403 403 403 403 403 403 ok ", () => { const n = unique("svc"); return { url: "/api/users/", scheme: "Token", body: { username: n, email: `${n}@example.test` } }; }],
  ["GET /api/users/me",                            "the caller (Waldur's users/me/)",             "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/users/me/", scheme: "Token" })],
  ["GET /api/users/{uuid}",                         "member",                                      "401 ok  404 404 404 404 404 404 ok  ok ", () => ({ url: `/api/users/${w.member.user.id}/`, params: { uuid: w.member.user.id }, scheme: "Token" })],
  ["GET /api/users/{uuid}/token",                   "member's token",                              "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: `/api/users/${w.member.user.id}/token/`, params: { uuid: w.member.user.id }, scheme: "Token" })],
  ["POST /api/users/{uuid}/refresh_token",          "member's token (member rotates their own)",   "401 ok  403 403 403 403 403 403 403 ok ", async () => { const u = await createTestUser(); w.users.member = u; w.member = u; return { url: `/api/users/${u.user.id}/refresh_token/`, params: { uuid: u.user.id }, scheme: "Token" }; }],
  // Waldur marketplace: categories public; offerings: owners (customer owner, provider owner) and staff all,
  // OFFERING.MANAGER manages but does not own, support reads; Draft offerings are hidden (404), Active public
  ["GET /api/marketplace-categories",               "all categories (public)",                     "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/marketplace-categories/", scheme: "Token" })],
  ["POST /api/marketplace-categories",              "a new category",                              "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/api/marketplace-categories/", scheme: "Token", body: { title: unique("Cat") } })],
  ["GET /api/marketplace-categories/{uuid}",        "a category (public)",                         "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: `/api/marketplace-categories/${w.category.uuid}/`, params: { uuid: w.category.uuid }, scheme: "Token" })],
  ["GET /api/marketplace-provider-offerings",       "offerings the caller may see: A's Draft one?",                "0   0   ok  0   ok  0   0   0   ok  ok ", async () => { await setOfferingState(w.offA, "Draft"); return { url: "/api/marketplace-provider-offerings/", scheme: "Token" }; }, (b) => listIncludes(w.offA.uuid)(b)],
  ["POST /api/marketplace-provider-offerings",      "a new offering of customer A",                "401 403 ok  403 403 403 403 403 403 ok ", () => ({ url: "/api/marketplace-provider-offerings/", scheme: "Token", body: offeringBody(w.custA.url, w.category.url) })],
  ["GET /api/marketplace-provider-offerings/{uuid}", "A's Draft offering",                         "404 404 ok  404 ok  404 404 404 ok  ok ", () => offeringUrl(w.offA)],
  ["GET /api/marketplace-provider-offerings/{uuid}", "B's Active offering (public)",               "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => offeringUrl(w.offB)],
  ["PATCH /api/marketplace-provider-offerings/{uuid}", "A's offering",                             "401 404 ok  404 ok  404 404 404 403 ok ", () => ({ ...offeringUrl(w.offA), body: { description: "Changed" } })],
  ["PATCH /api/marketplace-provider-offerings/{uuid}", "B's Active offering",                      "401 403 403 ok  403 403 403 403 403 ok ", () => ({ ...offeringUrl(w.offB), body: { description: "Changed" } })],
  ["PUT /api/marketplace-provider-offerings/{uuid}", "A's offering",                               "401 404 ok  404 ok  404 404 404 403 ok ", () => ({ ...offeringUrl(w.offA), body: { name: "Cluster A", description: "Put" } })],
  ["POST /api/marketplace-provider-offerings/{uuid}/activate", "A's Draft offering",               "401 404 ok  404 ok  404 404 404 403 ok ", async () => { await setOfferingState(w.offA, "Draft"); return offeringUrl(w.offA, "activate"); }],
  ["POST /api/marketplace-provider-offerings/{uuid}/pause", "A's Active offering",                 "401 403 ok  403 ok  403 403 403 403 ok ", async () => { await setOfferingState(w.offA, "Active"); return { ...offeringUrl(w.offA, "pause"), body: { paused_reason: "Maintenance" } }; }],
  ["POST /api/marketplace-provider-offerings/{uuid}/unpause", "A's Paused offering",               "401 404 ok  404 ok  404 404 404 403 ok ", async () => { await setOfferingState(w.offA, "Paused"); return offeringUrl(w.offA, "unpause"); }],
  ["POST /api/marketplace-provider-offerings/{uuid}/archive", "A's Active offering",               "401 403 ok  403 ok  403 403 403 403 ok ", async () => { await setOfferingState(w.offA, "Active"); return offeringUrl(w.offA, "archive"); }],
  ["POST /api/marketplace-provider-offerings/{uuid}/draft", "A's Active offering",                 "401 403 ok  403 ok  403 403 403 403 ok ", async () => { await setOfferingState(w.offA, "Active"); return offeringUrl(w.offA, "draft"); }],
  ["POST /api/marketplace-provider-offerings/{uuid}/update_integration", "A's offering",           "401 404 ok  404 ok  404 404 404 403 ok ", async () => { await setOfferingState(w.offA, "Draft"); return { ...offeringUrl(w.offA, "update_integration"), body: { plugin_options: {} } }; }],
  ["POST /api/marketplace-provider-offerings/{uuid}/add_user", "A's offering → a new manager", "401 404 ok  404 403 404 404 404 403 ok ", async () => ({ ...offeringUrl(w.offA, "add_user"), body: { role: "OFFERING.MANAGER", user: (await freshUser()).id } })],
  ["POST /api/marketplace-provider-offerings/{uuid}/delete_user", "A's offering's extra manager", "401 404 ok  404 403 404 404 404 403 ok ", async () => { const u = await freshUser(); await call(H("POST /api/marketplace-provider-offerings/{uuid}/add_user"), "POST", "/x", { token: w.admin.token, scheme: "Token", params: { uuid: w.offA.uuid }, body: { role: "OFFERING.MANAGER", user: u.id } }); return { ...offeringUrl(w.offA, "delete_user"), body: { role: "OFFERING.MANAGER", user: u.id } }; }],
  ["GET /api/marketplace-provider-offerings/{uuid}/list_users", "A's offering's managers",         "401 404 ok  404 ok  404 404 404 ok  ok ", () => offeringUrl(w.offA, "list_users")],
  ["GET /api/marketplace-public-offerings",         "Active offerings (public)",                   "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/api/marketplace-public-offerings/", scheme: "Token" })],
  ["GET /api/marketplace-public-offerings/{uuid}",  "B's Active offering (public)",                "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: `/api/marketplace-public-offerings/${w.offB.uuid}/`, params: { uuid: w.offB.uuid }, scheme: "Token" })],
  ["GET /api/marketplace-public-offerings/{uuid}",  "A's Draft offering (never public)",           "404 404 404 404 404 404 404 404 404 404", async () => { await setOfferingState(w.offA, "Draft"); return { url: `/api/marketplace-public-offerings/${w.offA.uuid}/`, params: { uuid: w.offA.uuid }, scheme: "Token" }; }],
  // Waldur marketplace orders of offering O (customer A's, managed by mgrA) for member's project: the project's
  // customer members order, see and cancel; the offering's owners and managers see and move them on; support reads
  ["GET /api/marketplace-orders",                   "orders the caller may see: one of O's?",      "401 ok  ok  0   ok  0   0   0   ok  ok ", async () => { await existingOrder(); return { url: "/api/marketplace-orders/", scheme: "Token" }; }, (b) => listIncludes(anOrder!)(b)],
  ["POST /api/marketplace-orders",                  "an order of O for member's project",          "401 ok  400 400 400 400 400 400 403 ok ", async () => (await consumerMember(), { url: "/api/marketplace-orders/", scheme: "Token", body: { offering: w.offO.url, plan: w.offO.plans[0].url, project: w.orderProjectUuid, attributes: { name: unique("alloc") } } })],
  ["GET /api/marketplace-orders/{uuid}",            "an order of O",                               "401 ok  ok  404 ok  404 404 404 ok  ok ", async () => { const uuid = await existingOrder(); return { url: `/api/marketplace-orders/${uuid}/`, params: { uuid }, scheme: "Token" }; }],
  ["POST /api/marketplace-orders/{uuid}/approve_by_provider", "a pending order of O",              "401 403 ok  404 ok  404 404 404 403 ok ", () => orderUrl("approve_by_provider")],
  ["POST /api/marketplace-orders/{uuid}/reject_by_provider", "a pending order of O",               "401 403 ok  404 ok  404 404 404 403 ok ", () => orderUrl("reject_by_provider", undefined, { provider_rejection_comment: "No" })],
  ["POST /api/marketplace-orders/{uuid}/set_state_executing", "a pending order of O",              "401 403 ok  404 ok  404 404 404 403 ok ", () => orderUrl("set_state_executing")],
  ["POST /api/marketplace-orders/{uuid}/set_state_done", "an executing order of O",                "401 403 ok  404 ok  404 404 404 403 ok ", () => orderUrl("set_state_done", "approve_by_provider")],
  ["POST /api/marketplace-orders/{uuid}/set_state_erred", "an executing order of O",               "401 403 ok  404 ok  404 404 404 403 ok ", () => orderUrl("set_state_erred", "approve_by_provider", { error_message: "failed" })],
  ["POST /api/marketplace-orders/{uuid}/set_backend_id", "an order of O",                          "401 403 ok  404 ok  404 404 404 403 ok ", () => orderUrl("set_backend_id", undefined, { backend_id: "b-1" })],
  ["POST /api/marketplace-orders/{uuid}/cancel",    "a pending order of O",                        "401 ok  403 404 403 404 404 404 403 ok ", () => orderUrl("cancel")],
  // Waldur resources (installations) and component usages of offering O in member's project: consumers read and
  // terminate, the offering's owners and managers (the site agent) read, set ids, limits and usage
  ["GET /api/marketplace-provider-resources",       "resources the caller may see: one of O's?",   "401 ok  ok  0   ok  0   0   0   ok  ok ", async () => { await existingResource(); return { url: "/api/marketplace-provider-resources/", scheme: "Token" }; }, (b) => listIncludes(aResource!)(b)],
  ["GET /api/marketplace-provider-resources/{uuid}", "a resource of O",                            "401 ok  ok  404 ok  404 404 404 ok  ok ", () => resourceUrl()],
  ["POST /api/marketplace-provider-resources/{uuid}/set_backend_id", "a resource of O",            "401 403 ok  404 ok  404 404 404 403 ok ", () => resourceUrl("set_backend_id", { backend_id: "acc-1" })],
  ["POST /api/marketplace-provider-resources/{uuid}/set_limits", "a resource of O",                "401 403 ok  404 ok  404 404 404 403 ok ", () => resourceUrl("set_limits", { limits: { storage: 2 } })],
  ["POST /api/marketplace-provider-resources/{uuid}/terminate", "a fresh OK resource of O",         "401 ok  ok  404 ok  404 404 404 403 ok ", () => resourceUrl("terminate", {}, true)],
  ["GET /api/marketplace-component-usages",         "usages the caller may see: one of O's?",      "401 ok  ok  0   ok  0   0   0   ok  ok ", async () => { await existingUsage(); return { url: "/api/marketplace-component-usages/", scheme: "Token" }; }, (b) => listIncludes(aUsage!)(b)],
  ["GET /api/marketplace-component-usages/{uuid}",  "a usage of a resource of O",                  "401 ok  ok  404 ok  404 404 404 ok  ok ", async () => { const uuid = await existingUsage(); return { url: `/api/marketplace-component-usages/${uuid}/`, params: { uuid }, scheme: "Token" }; }],
  ["POST /api/marketplace-component-usages/set_usage", "usage of a resource of O (the same each time)", "401 403 ok  404 ok  404 404 404 403 ok ", async () => ({ url: "/api/marketplace-component-usages/set_usage/", scheme: "Token", body: await resourceUsageBody() })],
  // Waldur projects: a customer's owners and managers create them (staff too); others' customers are hidden (400)
  ["POST /api/projects",                            "a project of customer A",                     "401 400 ok  400 400 400 400 400 403 ok ", () => ({ url: "/api/projects/", scheme: "Token", body: { name: unique("Project"), customer: w.custA.url } })],
  ["POST /api/projects",                            "a project of member's customer (a member)",   "401 403 400 400 400 400 400 400 403 ok ", async () => (await consumerMember(), { url: "/api/projects/", scheme: "Token", body: { name: unique("Project"), customer: w.consumer.id } })],
  ["GET /api/marketplace-plans/{uuid}",             "a plan of A's Draft offering",                "404 404 ok  404 ok  404 404 404 ok  ok ", async () => { await setOfferingState(w.offA, "Draft"); return { url: `/api/marketplace-plans/${w.offA.plans[0].uuid}/`, params: { uuid: w.offA.plans[0].uuid }, scheme: "Token" }; }],
  // ARGO accounting: projects are admin's; per (project, provider): owner manages and writes usage, ACL viewer reads, support reads
  ["GET /accounting-system/metric-definitions",     "all metric definitions",                      "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/accounting-system/metric-definitions" })],
  ["POST /accounting-system/metric-definitions",    "a new metric definition",                     "401 ok  ok  ok  ok  ok  ok  ok  403 ok ", () => ({ url: "/accounting-system/metric-definitions", body: { metric_name: unique("m"), metric_description: "", unit_type: "hours", metric_type: "aggregated" } })],
  ["GET /accounting-system/metric-definitions/{id}", "a metric definition",                        "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: `/accounting-system/metric-definitions/${w.metricDef.id}`, params: { id: w.metricDef.id } })],
  ["PATCH /accounting-system/metric-definitions/{id}", "A's metric definition",                    "401 403 ok  403 403 403 403 403 403 ok ", () => ({ url: `/accounting-system/metric-definitions/${w.defOfA.id}`, params: { id: w.defOfA.id }, body: { metric_description: "CPU time" } })],
  ["DELETE /accounting-system/metric-definitions/{id}", "A's metric definition",                   "401 403 ok  403 403 403 403 403 403 ok ", async () => { const d = await createMetricDefinition(w.as(w.provA), { metric_name: unique("m"), metric_description: "", unit_type: "h", metric_type: "aggregated" }); return { url: `/accounting-system/metric-definitions/${d.id}`, params: { id: d.id } }; }],
  // ARGO's unit-type and metric-type registries: everyone signed in reads; anyone but support registers; the creator (or admin) changes
  ["GET /accounting-system/unit-types",             "every unit type",                             "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/accounting-system/unit-types" })],
  ["POST /accounting-system/unit-types",            "a new unit type",                             "401 ok  ok  ok  ok  ok  ok  ok  403 ok ", () => ({ url: "/accounting-system/unit-types", body: { unit_type: unique("t"), description: "d" } })],
  ["GET /accounting-system/unit-types/{id}",        "a service-registered unit type",              "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", async () => { const t = (await call(H("GET /accounting-system/unit-types"), "GET", "/accounting-system/unit-types?size=1", { token: w.admin.token })).json.content[0]; return { url: `/accounting-system/unit-types/${t.id}`, params: { id: t.id } }; }],
  ["PATCH /accounting-system/unit-types/{id}",      "A's unit type",                               "401 403 ok  403 403 403 403 403 403 ok ", async () => { const t = (await call(H("POST /accounting-system/unit-types"), "POST", "/t", { token: w.provA.token, body: { unit_type: unique("t"), description: "d" } })).json; return { url: `/accounting-system/unit-types/${t.id}`, params: { id: t.id }, body: { description: "changed" } }; }],
  ["DELETE /accounting-system/unit-types/{id}",     "A's unit type",                               "401 403 ok  403 403 403 403 403 403 ok ", async () => { const t = (await call(H("POST /accounting-system/unit-types"), "POST", "/t", { token: w.provA.token, body: { unit_type: unique("t"), description: "d" } })).json; return { url: `/accounting-system/unit-types/${t.id}`, params: { id: t.id } }; }],
  ["GET /accounting-system/metric-types",           "every metric type",                           "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", () => ({ url: "/accounting-system/metric-types" })],
  ["POST /accounting-system/metric-types",          "a new metric type",                           "401 ok  ok  ok  ok  ok  ok  ok  403 ok ", () => ({ url: "/accounting-system/metric-types", body: { metric_type: unique("t"), description: "d" } })],
  ["GET /accounting-system/metric-types/{id}",      "a service-registered metric type",            "401 ok  ok  ok  ok  ok  ok  ok  ok  ok ", async () => { const t = (await call(H("GET /accounting-system/metric-types"), "GET", "/accounting-system/metric-types?size=1", { token: w.admin.token })).json.content[0]; return { url: `/accounting-system/metric-types/${t.id}`, params: { id: t.id } }; }],
  ["PATCH /accounting-system/metric-types/{id}",    "A's metric type",                             "401 403 ok  403 403 403 403 403 403 ok ", async () => { const t = (await call(H("POST /accounting-system/metric-types"), "POST", "/t", { token: w.provA.token, body: { metric_type: unique("t"), description: "d" } })).json; return { url: `/accounting-system/metric-types/${t.id}`, params: { id: t.id }, body: { description: "changed" } }; }],
  ["DELETE /accounting-system/metric-types/{id}",   "A's metric type",                             "401 403 ok  403 403 403 403 403 403 ok ", async () => { const t = (await call(H("POST /accounting-system/metric-types"), "POST", "/t", { token: w.provA.token, body: { metric_type: unique("t"), description: "d" } })).json; return { url: `/accounting-system/metric-types/${t.id}`, params: { id: t.id } }; }],
  ["GET /accounting-system/projects",               "projects: A's installation inside?",                                    "401 0   ok  0   0   ok  0   0   ok  ok ", () => ({ url: "/accounting-system/projects" }), (b) => listIncludes(w.instA.id)(b)],
  ["POST /accounting-system/projects",              "a new project",                               "401 403 403 403 403 403 403 403 403 ok ", () => ({ url: "/accounting-system/projects", body: { id: unique("pj") } })],
  ["GET /accounting-system/projects/{project_id}",  "the project: A's installation inside?",      "401 0   ok  0   0   ok  0   0   ok  ok ", () => ({ url: `/accounting-system/projects/${w.project}`, params: { project_id: w.project } }), (b) => JSON.stringify(b).includes(w.instA.id)],
  ["POST /accounting-system/projects/{project_id}/associate", "project ↔ provider A",               "401 403 ok  403 403 403 403 403 403 ok ", () => ({ url: `/accounting-system/projects/${w.project}/associate`, params: { project_id: w.project }, body: { providers: [w.argoA] } })],
  ["POST /accounting-system/projects/{project_id}/dissociate", "project ↔ provider A (no installations)", "401 403 ok  403 403 403 403 403 403 ok ", async () => { await associateProviders(w.as(w.admin), w.project, { providers: [w.argoA2] }); return { url: `/accounting-system/projects/${w.project}/dissociate`, params: { project_id: w.project }, body: { providers: [w.argoA2] } }; }],
  ["GET /accounting-system/projects/{project_id}/installations", "the project's installations: A's?", "401 0   ok  0   0   ok  0   0   ok  ok ", () => ({ url: `/accounting-system/projects/${w.project}/installations`, params: { project_id: w.project } }), (b) => listIncludes(w.instA.id)(b)],
  ["GET /accounting-system/projects/{project_id}/providers/{provider_id}/installations", "(project, A)'s installations", "401 0   ok  0   0   ok  0   0   ok  ok ", () => pair(w.argoA, "installations"), (b) => listIncludes(w.instA.id)(b)],
  ["GET /accounting-system/projects/{project_id}/providers/{provider_id}/installations", "(project, B)'s installations", "401 0   0   ok  0   0   0   0   ok  ok ", () => pair(w.argoB, "installations"), (b) => listIncludes(w.instB.id)(b)],
  ["POST /accounting-system/installations",         "a new installation of (project, A)",          "401 403 ok  403 403 403 403 403 403 ok ", () => ({ url: "/accounting-system/installations", body: { project: w.project, organisation: w.argoA, infrastructure: "infra", installation: unique("i"), unit_of_access: w.metricDef.id } })],
  ["GET /accounting-system/installations/{id}",     "A's installation",                            "401 403 ok  403 403 ok  403 403 ok  ok ", () => inst(w.instA.id)],
  ["GET /accounting-system/installations/{id}",     "B's installation",                            "401 403 403 ok  403 403 403 403 ok  ok ", () => inst(w.instB.id)],
  ["PATCH /accounting-system/installations/{id}",   "A's installation",                            "401 403 ok  403 403 403 403 403 403 ok ", () => ({ ...inst(w.instA.id), body: { infrastructure: "infra" } })],
  ["PATCH /accounting-system/installations/{id}",   "B's installation",                            "401 403 403 ok  403 403 403 403 403 ok ", () => ({ ...inst(w.instB.id), body: { infrastructure: "infra" } })],
  ["DELETE /accounting-system/installations/{id}",  "an installation of A",                        "401 403 ok  403 403 403 403 403 403 ok ", async () => { const i = await createInstallation(w.as(w.provA), { project: w.project, organisation: w.argoA, infrastructure: "x", installation: unique("i"), unit_of_access: w.metricDef.id }); return inst(i.id); }],
  ["GET /accounting-system/installations/{id}/metrics", "A's usage",                               "401 403 ok  403 403 ok  403 403 ok  ok ", () => inst(w.instA.id, "/metrics")],
  ["GET /accounting-system/installations/{id}/metrics", "B's usage",                               "401 403 403 ok  403 403 403 403 ok  ok ", () => inst(w.instB.id, "/metrics")],
  ["POST /accounting-system/installations/{id}/metrics", "new usage of A",                         "401 403 ok  403 403 403 403 403 403 ok ", () => ({ ...inst(w.instA.id, "/metrics"), body: usageBody() })],
  ["POST /accounting-system/installations/{id}/metrics", "new usage of B",                         "401 403 403 ok  403 403 403 403 403 ok ", () => ({ ...inst(w.instB.id, "/metrics"), body: usageBody() })],
  ["POST /accounting-system/installations/{id}/metrics/bulk", "new usage of A (bulk)",             "401 403 ok  403 403 403 403 403 403 ok ", () => ({ ...inst(w.instA.id, "/metrics/bulk"), body: [usageBody(), usageBody()] })],
  ["GET /accounting-system/installations/{id}/metrics/{metricId}", "a usage record of A",          "401 403 ok  403 403 ok  403 403 ok  ok ", () => ({ url: "/m", params: { id: w.instA.id, metricId: String(w.usageA.record.id) } })],
  ["PATCH /accounting-system/installations/{id}/metrics/{metricId}", "a usage record of A",        "401 403 ok  403 403 403 403 403 403 ok ", () => ({ url: "/m", params: { id: w.instA.id, metricId: String(w.usageA.record.id) }, body: { value: 5 } })],
  ["DELETE /accounting-system/installations/{id}/metrics/{metricId}", "a usage record of A",       "401 403 ok  403 403 403 403 403 403 ok ", async () => { const r = await postUsageRecord(w.as(w.provA), w.instA.id, usageBody()); return { url: "/m", params: { id: w.instA.id, metricId: String(r.record.id) } }; }],
  ["GET /accounting-system/installations/{id}/capacities", "A's capacities",                      "401 403 ok  403 403 ok  403 403 ok  ok ", () => inst(w.instA.id, "/capacities")],
  ["POST /accounting-system/installations/{id}/capacities", "a new capacity of A",                 "401 403 ok  403 403 403 403 403 403 ok ", () => ({ ...inst(w.instA.id, "/capacities"), body: { metric_definition_id: w.metricDef.id, value: 50, registered_on: nextDay() } })],
  ["DELETE /accounting-system/installations/{id}/capacities/{capacityId}", "a capacity of A",      "401 403 ok  403 403 403 403 403 403 ok ", async () => { const c = await createCapacity(w.as(w.provA), w.instA.id, { metric_definition_id: w.metricDef.id, value: 1, registered_on: nextDay() }); return { url: "/c", params: { id: w.instA.id, capacityId: c.id } }; }],
  ["GET /accounting-system/projects/{project_id}/providers/{provider_id}/report", "(project, A)'s report", "401 403 ok  403 403 ok  403 403 ok  ok ", () => ({ ...pair(w.argoA, `report?${range}`) })],
  ["GET /accounting-system/projects/{project_id}/providers/{provider_id}/report", "(project, B)'s report", "401 403 403 ok  403 403 403 403 ok  ok ", () => ({ ...pair(w.argoB, `report?${range}`) })],
  ["GET /accounting-system/providers/{provider_id}/report", "A's report",                          "401 403 ok  403 403 ok  403 403 ok  ok ", () => ({ url: `/accounting-system/providers/${w.argoA}/report?${range}`, params: { provider_id: w.argoA } })],
  ["GET /accounting-system/providers/{provider_id}/report", "B's report",                          "401 403 403 ok  403 403 403 403 ok  ok ", () => ({ url: `/accounting-system/providers/${w.argoB}/report?${range}`, params: { provider_id: w.argoB } })],
  ["GET /accounting-system/providers/external/report", "A's installation's report",                "401 403 ok  403 403 ok  403 403 ok  ok ", () => ({ url: `/accounting-system/providers/external/report?externalId=${w.instA.ext}&${range}` })],
  ["GET /accounting-system/providers/{provider_id}/usage-series", "A's usage series",              "401 403 ok  403 403 ok  403 403 ok  ok ", () => ({ url: `/accounting-system/providers/${w.argoA}/usage-series?${range}`, params: { provider_id: w.argoA } })],
  ["GET /accounting-system/providers/{provider_id}/usage-series", "B's usage series",              "401 403 403 ok  403 403 403 403 ok  ok ", () => ({ url: `/accounting-system/providers/${w.argoB}/usage-series?${range}`, params: { provider_id: w.argoB } })],
];

const acl = (provider: string, who: string) => ({
  url: `/accounting-system/projects/${w.project}/providers/${provider}/acl/${who}`,
  params: { project_id: w.project, provider_id: provider, who },
});
const usageBody = () => ({
  metric_definition_id: w.metricDef.id,
  time_period_start: "2024-05-01T00:00:00Z",
  time_period_end: "2024-05-02T00:00:00Z",
  value: 1,
  record_id: unique("rec"),
});
let day = 0;
const nextDay = () => new Date(Date.UTC(2025, 0, 1) + ++day * 86_400_000).toISOString().slice(0, 10);
const newEntitlement = () =>
  createEntitlement(w.as(w.admin), {
    name: `urn:geant:sandbox.eosc-beyond.eu:core:integration:group:accounting:${unique("pj")}:${w.argoA}:role=viewer`,
  });
const offeringBody = (customer: string, category: string) => ({
  name: `Cluster ${unique()}`,
  customer,
  category,
  type: "Marketplace.Slurm",
  components: [
    { type: "node_hours", name: "Node hours", measured_unit: "Node-hours", billing_type: "usage", limit_period: null },
  ],
  plans: [{ name: "Default", unit: "month", prices: { node_hours: 0.25 } }],
});

/** Customer A's organisation id. */
const orgA = () => toUuid(w.custA.uuid)!;

/** A fresh webhook of customer A (only an event of A's reaches it). */
async function hookOfA(): Promise<string> {
  const hook = await createWebhook(w.as(w.admin), orgA(), {
    url: "https://hooks.example.org/a",
    kinds: ["registration.rejected"],
  });
  return hook.id;
}

/** A delivery to that webhook: an event of customer A. */
async function deliveryTo(hookId: string): Promise<string> {
  const told = await emitEvent(
    w.db,
    { actor: null, correlationId: randomUUID() },
    {
      kind: "registration.rejected",
      subject: { type: "test", id: randomUUID() },
      organisationId: orgA(),
      title: "For A's webhooks",
      link: "/",
      audience: {},
    },
  );
  const [d] = await w.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.eventId, told!.event.id), eq(webhookDeliveries.endpointId, hookId)));
  return d.id;
}

/** A notification only `userId` has (a fresh event each call). */
async function notificationFor(userId: string): Promise<string> {
  const told = await emitEvent(
    w.db,
    { actor: null, correlationId: randomUUID() },
    {
      kind: "registration.approved",
      subject: { type: "test", id: randomUUID() },
      title: "Only for you",
      link: "/",
      audience: { users: [userId] },
    },
  );
  const [n] = await w.db.select().from(notifications).where(eq(notifications.eventId, told!.event.id));
  return n.id;
}

const rows: Row[] = TABLE.map(([route, on, cells, req, shows]) => {
  const codes = cells.trim().split(/\s+/) as Code[];
  if (
    codes.length !== ACTORS.length ||
    codes.some((c) => !["ok", "0", "400", "401", "403", "404"].includes(c)) ||
    (!shows && codes.includes("0"))
  )
    throw new Error(`bad cells in row ${route} (${on}): ${cells}`);
  return { route, on, cells: codes, req, shows };
});

/** The items of a list answer in any dialect's shape (a bare array, ARGO's `content`, a `results`/`items` page). */
function items(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const b = (body ?? {}) as Record<string, unknown>;
  for (const k of ["content", "results", "items", "providers", "data"])
    if (Array.isArray(b[k])) return b[k] as unknown[];
  return [];
}
const listIncludes =
  (...needles: string[]): Shows =>
  (body) =>
    items(body).some((i) => needles.some((n) => JSON.stringify(i).includes(n)));

function verdict(code: Code, status: number, body: unknown, shows?: Shows): string | null {
  const two = status >= 200 && status < 300;
  if (code === "ok" || code === "0") {
    if (!two) return `got ${status}`;
    if (shows && shows(body) !== (code === "ok"))
      return code === "ok" ? "the answer lacks the object" : "the answer reveals the object";
    return null;
  }
  return status === Number(code) ? null : `got ${status}`;
}

describe("authorization matrix: every route × every actor", () => {
  beforeAll(async () => {
    process.env.PORTICO_RATE_LIMITS = "off";
    process.env.PORTICO_SIGNUP = "open";
    w = await buildWorld();
  }, 180_000); // building both worlds takes over a minute on a busy machine

  it("has a row for every handler the app exports", () => {
    const exported = Object.entries(modules).flatMap(([file, mod]) =>
      ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .filter((m) => typeof mod[m] === "function")
        .map((m) => `${m} ${routePathOf(file)}`),
    );
    const covered = new Set(rows.map((r) => r.route));
    // A new route needs its row in TABLE above: who may call it, on which object, with what answer.
    expect(
      exported.filter((r) => !covered.has(r)).sort(),
      "routes without a row in the authorization matrix (lib/testing/authz/matrix.test.ts)",
    ).toEqual([]);
    expect([...covered].filter((r) => !exported.includes(r))).toEqual([]);
  });

  it("answers every cell as the table says", async () => {
    const wrong: string[] = [];
    const tally = { cells: 0, allowed: 0, denied: 0 };
    for (const row of rows) {
      const [method] = row.route.split(" ");
      const handler = H(row.route);
      for (const [i, actor] of ACTORS.entries()) {
        const r = await row.req(actor);
        const token = r.token ?? tok(actor);
        const res = await call(handler, method, r.url, {
          token,
          scheme: r.scheme,
          body: r.body,
          rawBody: r.rawBody,
          headers: r.headers,
          params: r.params,
        });
        const want = row.cells[i];
        tally.cells++;
        if (res.status < 300) tally.allowed++;
        else tally.denied++;
        const problem = verdict(want, res.status, res.json, row.shows);
        if (problem)
          wrong.push(`${row.route} on ${row.on} as ${actor}: expected ${want}, ${problem}: ${res.text.slice(0, 160)}`);
      }
    }
    console.log(
      `authz matrix: ${tally.cells} cells checked (${rows.length} rows × ${ACTORS.length} actors), ${tally.allowed} allowed, ${tally.denied} denied, ${wrong.length} unexpected`,
    );
    expect(wrong).toEqual([]);
  }, 300_000); // ~1,700 cells: over two minutes on a busy machine
});
