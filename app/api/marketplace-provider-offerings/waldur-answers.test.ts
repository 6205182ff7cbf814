import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listCategories } from "@/app/api/marketplace-categories/route";
import { GET as readPlan } from "@/app/api/marketplace-plans/[uuid]/route";
import { GET as listUsers, POST as createUser } from "@/app/api/users/route";
import { GET as me } from "@/app/api/users/me/route";
import { POST as refreshToken } from "@/app/api/users/[uuid]/refresh_token/route";
import { GET as readToken } from "@/app/api/users/[uuid]/token/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { allOperations } from "@/lib/openapi/all-operations";
import { call, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering } from "@/lib/testing/waldur-offering";
import { POST as activate } from "./[uuid]/activate/route";
import { POST as addUser } from "./[uuid]/add_user/route";
import { GET as listOfferingUsers } from "./[uuid]/list_users/route";
import { GET as retrieve } from "./[uuid]/route";
import { GET as list } from "./route";

// Where seed 001 and Waldur's schema disagree (lib/dialects/waldur/seed-differences.ts), and the list filters
// Waldur's clients send. The schema contract (`npm test -- contract`) checks the same against the built server.

let staff: TestUser;
let owner: TestUser;
let ctx: Awaited<ReturnType<typeof createWaldurCustomerAndCategory>>;

beforeAll(async () => {
  staff = await createTestUser({ role: "admin" });
  owner = await createTestUser();
  ctx = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
});
afterEach(() => {
  delete process.env.PORTICO_WALDUR_SUCCESS_CODES;
});

const waldurMode = () => (process.env.PORTICO_WALDUR_SUCCESS_CODES = "waldur");
const as = (token: string, params?: Record<string, string>) => ({ token, scheme: "Token" as const, params });

async function serviceAccount() {
  const username = unique("svc")
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_");
  const res = await call(createUser, "POST", "/api/users/", {
    ...as(staff.token),
    body: { username, email: `${username}@example.org`, first_name: "Site", last_name: "Agent" },
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { uuid: string; username: string };
}

describe("PORTICO_WALDUR_SUCCESS_CODES", () => {
  it("by default answers as seed 001: activate 201 and empty, refresh_token 201, lifetime a string, scope and future prices null", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const res = await call(activate, "POST", "/x/", as(owner.token, { uuid: o.uuid }));
    expect([res.status, res.text]).toEqual([201, ""]);
    const read = (await call(retrieve, "GET", "/x/", as(owner.token, { uuid: o.uuid }))).json;
    expect(read.scope).toBeNull();
    expect(read.plans[0].future_prices).toEqual({ node_hours: null, storage: null });
    const user = await serviceAccount();
    const fresh = await call(refreshToken, "POST", "/x/", as(staff.token, { uuid: user.uuid }));
    expect(fresh.status).toBe(201);
    expect(fresh.json.user_token_lifetime).toBe("3600");
  });

  it("=waldur answers as Waldur's schema: activate 200 {detail, state}, refresh_token 200, lifetime an integer, no nulls it forbids", async () => {
    waldurMode();
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const res = await call(activate, "POST", "/x/", as(owner.token, { uuid: o.uuid }));
    expect([res.status, res.json]).toEqual([200, { detail: "Offering state updated.", state: "Active" }]);
    const read = (await call(retrieve, "GET", "/x/", as(owner.token, { uuid: o.uuid }))).json;
    expect(read).not.toHaveProperty("scope");
    expect(read.plans[0].future_prices).toEqual({});
    const user = await serviceAccount();
    const fresh = await call(refreshToken, "POST", "/x/", as(staff.token, { uuid: user.uuid }));
    expect(fresh.status).toBe(200);
    expect(fresh.json.user_token_lifetime).toBe(3600);
    expect((await call(readToken, "GET", "/x/", as(staff.token, { uuid: user.uuid }))).json.user_token_lifetime).toBe(
      3600,
    );
    // the OpenAPI document follows the setting
    const doc = buildOpenApiDocument(allOperations) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths["/api/marketplace-provider-offerings/{uuid}/activate/"].post.responses)).toContain(
      "200",
    );
    expect(Object.keys(doc.paths["/api/users/{uuid}/refresh_token/"].post.responses)).toContain("200");
  });

  it("refuses a value it does not know", async () => {
    process.env.PORTICO_WALDUR_SUCCESS_CODES = "drf";
    const { config } = await import("@/lib/config");
    expect(() => config.waldurSuccessCodes).toThrow(/must be "seed" or "waldur"/);
  });
});

describe("answers the seed leaves to Waldur", () => {
  it("add_user answers its expiration time; list_users pages, filters and orders", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const [a, b] = [await serviceAccount(), await serviceAccount()];
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const grantA = await call(addUser, "POST", "/x/", {
      ...as(owner.token, { uuid: o.uuid }),
      body: { role: "OFFERING.MANAGER", user: a.uuid, expiration_time: until },
    });
    expect([grantA.status, Date.parse(grantA.json.expiration_time)]).toEqual([201, Date.parse(until)]);
    const grantB = await call(addUser, "POST", "/x/", {
      ...as(owner.token, { uuid: o.uuid }),
      body: { role: "OFFERING.MANAGER", user: b.uuid },
    });
    expect(grantB.json).toEqual({ expiration_time: null });
    const users = (q: string) => call(listOfferingUsers, "GET", `/x/?${q}`, as(owner.token, { uuid: o.uuid }));
    const page = await users("page_size=1&o=-created");
    expect(page.json.map((r: { user_uuid: string }) => r.user_uuid)).toEqual([b.uuid]);
    expect(page.headers.get("x-result-count")).toBe("2");
    expect(page.headers.get("link")).toContain('rel="next"');
    expect((await users(`user=${a.uuid}`)).json).toHaveLength(1);
    expect((await users(`username=${b.username}&field=user_uuid`)).json).toEqual([{ user_uuid: b.uuid }]);
    expect((await users("role=OFFERING.MANAGER")).json).toHaveLength(2);
    expect((await users("search_string=nobody-at-all")).json).toHaveLength(0);
    expect((await users("o=colour")).status).toBe(400);
  });

  it("offering lists take Waldur's filters and several orderings; field= keeps only the named fields", async () => {
    const mine = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
    const names = ["Bravo", "Alpha", "Charlie"].map((n) => `${n} ${unique("o")}`);
    const made = [];
    for (const name of names)
      made.push(await createTestOffering(owner.token, mine.customer.url, mine.category.url, { name }));
    await call(activate, "POST", "/x/", as(owner.token, { uuid: made[2].uuid }));
    const q = (s: string) =>
      call(
        list,
        "GET",
        `/api/marketplace-provider-offerings/?customer_uuid=${mine.customer.uuid}&${s}`,
        as(owner.token),
      );
    const namesOf = (r: { json: { name: string }[] }) => r.json.map((x) => x.name);
    expect(namesOf(await q("o=-state,name"))).toEqual([names[2], names[1], names[0]]);
    expect(namesOf(await q("o=state&o=-name"))).toEqual([names[0], names[1], names[2]]);
    expect(namesOf(await q(`name_exact=${encodeURIComponent(names[1])}`))).toEqual([names[1]]);
    expect(namesOf(await q(`uuid_list=${made[0].uuid},${made[2].uuid}&o=name`))).toEqual([names[0], names[2]]);
    expect(namesOf(await q("state=Draft&state=Paused&o=name"))).toEqual([names[1], names[0]]);
    expect(namesOf(await q("billable=true&shared=true&type=Marketplace.Slurm&o=name"))).toHaveLength(3);
    expect((await q("field=uuid&field=state&o=name")).json[0]).toEqual({ uuid: made[1].uuid, state: "Draft" });
    expect((await q("o=colour")).json).toEqual({
      o: ["Select a valid choice. colour is not one of the available choices."],
    });
    const manager = await serviceAccount();
    await call(addUser, "POST", "/x/", {
      ...as(owner.token, { uuid: made[0].uuid }),
      body: { role: "OFFERING.MANAGER", user: manager.uuid },
    });
    expect(namesOf(await q(`service_manager_uuid=${manager.uuid}`))).toEqual([names[0]]);
  });

  it("plans carry their components, offering, type and minimal price", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const plan = await call(readPlan, "GET", "/x/", as(owner.token, { uuid: o.plans[0].uuid }));
    expect(plan.json).toMatchObject({
      offering: o.url,
      plan_type: "mixed",
      minimal_price: 25,
      components: [
        { type: "node_hours", price: "0.2500000000", amount: 0, future_price: null },
        { type: "storage", price: "12.5000000000", amount: 2 },
      ],
    });
  });

  it("categories filter by a customer's public offerings only; users by query, role and ordering; me is the caller", async () => {
    const mine = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
    const draft = await createTestOffering(owner.token, mine.customer.url, mine.category.url);
    const cats = () =>
      call(listCategories, "GET", `/api/marketplace-categories/?customer_uuid=${mine.customer.uuid}`).then((r) =>
        r.json.map((c: { uuid: string }) => c.uuid),
      );
    expect(await cats()).toEqual([]);
    await call(activate, "POST", "/x/", as(owner.token, { uuid: draft.uuid }));
    expect(await cats()).toEqual([mine.category.uuid]);

    const svc = await serviceAccount();
    const users = (q: string, token = staff.token) => call(listUsers, "GET", `/api/users/?${q}`, as(token));
    expect((await users(`query=${svc.username.slice(0, 12)}`)).json.map((u: { uuid: string }) => u.uuid)).toContain(
      svc.uuid,
    );
    expect((await users("is_staff=true&page_size=300")).json.every((u: { is_staff: boolean }) => u.is_staff)).toBe(
      true,
    );
    const byEmail = await users(`email=${svc.username.toUpperCase()}`);
    expect(byEmail.json.map((u: { uuid: string }) => u.uuid)).toEqual([svc.uuid]);
    expect(
      (await users("o=-username&field=username&page_size=3")).json.every((u: object) => Object.keys(u).length === 1),
    ).toBe(true);
    const self = await call(me, "GET", "/api/users/me/?field=uuid", as(owner.token));
    expect(self.json).toEqual({ uuid: owner.user.id.replace(/-/g, "") });
  });
});
