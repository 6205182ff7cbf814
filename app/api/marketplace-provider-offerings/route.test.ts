import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, offerings } from "@/drizzle/schema";
import { toUuid } from "@/lib/offerings/refs";
import { call, createTestUser, db, type TestUser } from "@/lib/testing/fixtures";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering, offeringBody } from "@/lib/testing/waldur-offering";
import { POST as createUser } from "../users/route";
import { GET as readToken } from "../users/[uuid]/token/route";
import { POST as activate } from "./[uuid]/activate/route";
import { POST as addUser } from "./[uuid]/add_user/route";
import { POST as archive } from "./[uuid]/archive/route";
import { POST as draft } from "./[uuid]/draft/route";
import { GET as listUsers } from "./[uuid]/list_users/route";
import { POST as pause } from "./[uuid]/pause/route";
import { GET as retrieve, PATCH } from "./[uuid]/route";
import { POST as unpause } from "./[uuid]/unpause/route";
import { POST as updateIntegration } from "./[uuid]/update_integration/route";
import { GET as list, POST as create } from "./route";

const ACTIONS = { activate, pause, unpause, archive, draft } as const;
type Action = keyof typeof ACTIONS;
const act = (a: Action, token: string, uuid: string, body?: unknown) =>
  call(ACTIONS[a], "POST", `/api/marketplace-provider-offerings/${uuid}/${a}/`, {
    token,
    scheme: "Token",
    params: { uuid },
    body,
  });

let staff: TestUser;
let owner: TestUser;
let ctx: { customer: { url: string; uuid: string }; category: { url: string; uuid: string } };

beforeAll(async () => {
  staff = await createTestUser({ role: "admin" });
  owner = await createTestUser();
  ctx = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
});

describe("offering lifecycle over the API", () => {
  const PATH: Record<string, Action[]> = {
    Draft: [],
    Active: ["activate"],
    Paused: ["activate", "pause"],
    Archived: ["archive"],
  };
  const ALLOWED: Record<string, Action[]> = {
    Draft: ["activate", "archive", "draft"],
    Active: ["pause", "archive", "draft"],
    Paused: ["activate", "unpause", "archive", "draft"],
    Archived: ["archive", "draft"],
  };
  const TARGET: Record<Action, string> = {
    activate: "Active",
    pause: "Paused",
    unpause: "Active",
    archive: "Archived",
    draft: "Draft",
  };

  for (const state of Object.keys(PATH))
    it(`from ${state}: every allowed action answers as Waldur (activate: as seed 001), others a refusal`, async () => {
      for (const action of Object.keys(ACTIONS) as Action[]) {
        const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
        for (const step of PATH[state])
          expect(
            (await act(step, owner.token, o.uuid, step === "pause" ? { paused_reason: "maintenance" } : undefined))
              .status,
          ).toBe(step === "activate" ? 201 : 200);
        const res = await act(
          action,
          owner.token,
          o.uuid,
          action === "pause" ? { paused_reason: "upgrade" } : undefined,
        );
        const now = (await call(retrieve, "GET", `/x/${o.uuid}/`, { token: owner.token, params: { uuid: o.uuid } }))
          .json;
        if (ALLOWED[state].includes(action)) {
          if (action === "activate") {
            // seed 001: 201, no body
            expect(res.status, `${action} from ${state}`).toBe(201);
            expect(res.text).toBe("");
          } else {
            // Waldur's DetailState (the seed says nothing about these actions)
            expect(res.status, `${action} from ${state}`).toBe(200);
            expect(res.json).toEqual({ detail: "Offering state updated.", state: TARGET[action] });
          }
          expect(now.state).toBe(TARGET[action]);
          if (action === "pause") expect(now.paused_reason).toBe("upgrade");
        } else {
          expect(res.status, `${action} from ${state}`).toBe(400);
          expect(res.json.detail).toMatch(/^Offering state is invalid/);
          expect(now.state).toBe(state);
        }
      }
    });

  it("refuses to activate an offering without plans, and writes an audit event per transition", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url, { plans: [] });
    const res = await act("activate", owner.token, o.uuid);
    expect(res.status).toBe(400);
    expect(res.json.detail).toMatch(/without plans/);
    const o2 = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    await act("activate", owner.token, o2.uuid);
    const events = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, toUuid(o2.uuid)!));
    expect(events.map((e) => e.action).sort()).toEqual(["offering.activate", "offering.create"]);
  });
});

describe("offering permissions", () => {
  it("404 for a non-owner who may not see it (403 once it is visible), 404 for an unknown or malformed uuid", async () => {
    const stranger = await createTestUser();
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    // as in Waldur, an offering the caller cannot see does not exist for them, whatever the action
    const res = await act("activate", stranger.token, o.uuid);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ detail: expect.any(String) });
    expect((await act("activate", owner.token, "0123456789abcdef0123456789abcdef")).status).toBe(404);
    expect((await act("activate", owner.token, "nope")).status).toBe(404);
    // a stranger does not see a Draft; everyone sees an Active one
    expect((await call(retrieve, "GET", "/x/", { token: stranger.token, params: { uuid: o.uuid } })).status).toBe(404);
    await act("activate", owner.token, o.uuid);
    const seen = await call(retrieve, "GET", "/x/", { token: stranger.token, params: { uuid: o.uuid } });
    expect(seen.status).toBe(200);
    expect((await act("pause", stranger.token, o.uuid)).status).toBe(403);
    // a stranger cannot create offerings for someone else's customer
    const denied = await call(create, "POST", "/api/marketplace-provider-offerings/", {
      token: stranger.token,
      scheme: "Token",
      body: offeringBody(ctx.customer.url, ctx.category.url),
    });
    expect(denied.status).toBe(403);
  });

  it("OFFERING.MANAGER manages its offering only, and cannot grant roles", async () => {
    const a = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const b = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const sa = await call(createUser, "POST", "/api/users/", {
      token: staff.token,
      body: { username: `sa_${Date.now()}`, email: `sa_${Date.now()}@example.com` },
    });
    expect(sa.status).toBe(201);
    const grant = await call(addUser, "POST", "/x/", {
      token: owner.token,
      params: { uuid: a.uuid },
      body: { role: "OFFERING.MANAGER", user: sa.json.uuid },
    });
    expect(grant.status).toBe(201);
    const again = await call(addUser, "POST", "/x/", {
      token: owner.token,
      params: { uuid: a.uuid },
      body: { role: "OFFERING.MANAGER", user: sa.json.uuid },
    });
    expect(again.status).toBe(400);
    const token = (await call(readToken, "GET", "/x/", { token: staff.token, params: { uuid: sa.json.uuid } })).json
      .token;

    const opts = { plugin_options: { homedir_prefix: "/home/", supports_pausing: true } };
    expect(
      (await call(updateIntegration, "POST", "/x/", { token, scheme: "Token", params: { uuid: a.uuid }, body: opts }))
        .status,
    ).toBe(200);
    expect((await act("activate", token, a.uuid)).status).toBe(201);
    expect(
      (await call(updateIntegration, "POST", "/x/", { token, scheme: "Token", params: { uuid: b.uuid }, body: opts }))
        .status,
    ).toBe(404); // b is a Draft it cannot see
    expect((await act("activate", token, b.uuid)).status).toBe(404);
    expect(
      (
        await call(addUser, "POST", "/x/", {
          token,
          scheme: "Token",
          params: { uuid: a.uuid },
          body: { role: "OFFERING.MANAGER", user: sa.json.uuid },
        })
      ).status,
    ).toBe(403);

    const users = await call(listUsers, "GET", "/x/", { token: owner.token, params: { uuid: a.uuid } });
    expect(users.json).toEqual([expect.objectContaining({ role_name: "OFFERING.MANAGER", user_uuid: sa.json.uuid })]);
    // the manager lists the offering it manages among others it may see
    const mine = await call(
      list,
      "GET",
      `/api/marketplace-provider-offerings/?customer_uuid=${ctx.customer.uuid}&state=Draft`,
      { token, scheme: "Token" },
    );
    expect(mine.json.map((o: { uuid: string }) => o.uuid)).not.toContain(b.uuid);
  });
});

describe("integration options", () => {
  it("validates plugin options per type with every field error, and writes nothing on error", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    const bad = await call(updateIntegration, "POST", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: {
        plugin_options: {
          initial_uidnumber: "5000",
          supports_pausing: "yes",
          username_generation_policy: "whatever",
          typo_key: 1,
        },
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual([
      "plugin_options",
      "plugin_options.initial_uidnumber",
      "plugin_options.supports_pausing",
      "plugin_options.username_generation_policy",
    ]);
    const secretsForSlurm = await call(updateIntegration, "POST", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: { secret_options: { password: "x" } },
    });
    expect(secretsForSlurm.status).toBe(400);
    const now = await call(retrieve, "GET", "/x/", { token: owner.token, params: { uuid: o.uuid } });
    expect(now.json.plugin_options).toEqual({});
  });

  it("stores secret options sealed and shows them only to owners and staff", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url, {
      type: "Marketplace.Remote",
      components: [],
      plans: [{ name: "Basic" }],
    });
    const secret = { api_url: "https://remote.example.org/api/", token: "remote-secret-token-123" };
    const set = await call(updateIntegration, "POST", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: { plugin_options: { auto_approve_remote_orders: true }, secret_options: secret },
    });
    expect(set.status).toBe(200);
    const [row] = await (
      await db()
    )
      .select()
      .from(offerings)
      .where(eq(offerings.id, toUuid(o.uuid)!));
    expect(row.secretOptions).not.toContain("remote-secret-token-123");
    expect(
      (await call(retrieve, "GET", "/x/", { token: owner.token, params: { uuid: o.uuid } })).json.secret_options,
    ).toEqual(secret);
    expect(
      (await call(retrieve, "GET", "/x/", { token: staff.token, params: { uuid: o.uuid } })).json.secret_options,
    ).toEqual(secret);
    await act("activate", owner.token, o.uuid);
    const stranger = await createTestUser();
    const seen = (await call(retrieve, "GET", "/x/", { token: stranger.token, params: { uuid: o.uuid } })).json;
    expect(seen.secret_options).toEqual({});
    expect(seen.plugin_options).toEqual({});
    const anon = (await call(retrieve, "GET", "/x/", { params: { uuid: o.uuid } })).json;
    expect(anon.secret_options).toEqual({});
    // null removes one secret, absent keys are kept
    await call(updateIntegration, "POST", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: { secret_options: { token: null } },
    });
    expect(
      (await call(retrieve, "GET", "/x/", { token: owner.token, params: { uuid: o.uuid } })).json.secret_options,
    ).toEqual({ api_url: secret.api_url });
    const audit = await (await db()).select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
    expect(JSON.stringify(audit)).not.toContain("remote-secret-token-123");
  });
});

describe("creating and updating offerings", () => {
  it("answers bad bodies with every field error in DRF shape and creates nothing", async () => {
    const before = (await (await db()).select({ id: offerings.id }).from(offerings)).length;
    const res = await call(create, "POST", "/api/marketplace-provider-offerings/", {
      token: owner.token,
      body: {
        name: "",
        customer: "https://elsewhere.example/api/nothing/1/",
        category: ctx.category.url.replace(/[0-9a-f]{32}/, "0123456789abcdef0123456789abcdef"),
        type: "Marketplace.Unknown",
        components: [{ type: "cpu", name: "CPU", billing_type: "sometimes", limit_period: "weekly" }],
        plans: [{ name: "P", prices: { gpu: 1 } }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      name: ["This field may not be blank."],
      type: [expect.stringContaining("is not a valid choice")],
      "components.0.billing_type": [expect.any(String)],
      "components.0.limit_period": [expect.any(String)],
    });
    const refs = await call(create, "POST", "/api/marketplace-provider-offerings/", {
      token: owner.token,
      body: offeringBody(
        "https://elsewhere.example/api/nothing/1/",
        ctx.category.url.replace(/[0-9a-f]{32}/, "0123456789abcdef0123456789abcdef"),
        { plans: [{ name: "P", prices: { gpu: 1 } }] },
      ),
    });
    expect(refs.status).toBe(400);
    expect(refs.json).toEqual({ "plans.0.prices.gpu": ['Unknown component type "gpu".'] });
    const refs2 = await call(create, "POST", "/api/marketplace-provider-offerings/", {
      token: owner.token,
      body: offeringBody(
        "https://elsewhere.example/api/nothing/1/",
        ctx.category.url.replace(/[0-9a-f]{32}/, "0123456789abcdef0123456789abcdef"),
      ),
    });
    expect(refs2.json).toEqual({
      customer: ["Invalid hyperlink - No URL match."],
      category: ["Invalid hyperlink - Object does not exist."],
    });
    expect((await (await db()).select({ id: offerings.id }).from(offerings)).length).toBe(before);
  });

  it("gives concurrent creates of the same name distinct Waldur slugs", async () => {
    const name = `Same ${Date.now()}`;
    const made = await Promise.all(
      [1, 2, 3, 4].map(() =>
        call(create, "POST", "/api/marketplace-provider-offerings/", {
          token: owner.token,
          body: offeringBody(ctx.customer.url, ctx.category.url, { name }),
        }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(made.map((r) => r.json.slug)).size).toBe(4);
  });

  it("computes plan prices and quotas; structure changes only in Draft", async () => {
    const o = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url);
    expect(o.plans[0]).toMatchObject({
      prices: { node_hours: 0.25, storage: 12.5 },
      quotas: { node_hours: 0, storage: 2 },
      unit_price: "25.0000000000",
      future_prices: { node_hours: null, storage: null },
    });
    expect(o.components[1]).toMatchObject({
      type: "storage",
      billing_type: "fixed",
      limit_period: "month",
      unit_factor: 1,
      is_builtin: false,
    });
    const p = await call(PATCH, "PATCH", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: {
        plans: [
          { uuid: o.plans[0].uuid, name: "Default", prices: { node_hours: 1 } },
          { name: "Big", quotas: { storage: 10 } },
        ],
      },
    });
    expect(p.status).toBe(200);
    expect(p.json.plans.map((x: { name: string }) => x.name)).toEqual(["Default", "Big"]);
    expect(p.json.plans[0].uuid).toBe(o.plans[0].uuid);
    await act("activate", owner.token, o.uuid);
    const refused = await call(PATCH, "PATCH", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: { components: [], description: "new" },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ components: ["Can be changed only while the offering is in Draft state."] });
    const ok = await call(PATCH, "PATCH", "/x/", {
      token: owner.token,
      params: { uuid: o.uuid },
      body: { description: "new words" },
    });
    expect(ok.json.description).toBe("new words");
  });

  it("pages Waldur style with Link and X-Result-Count and filters by customer and state", async () => {
    const mine = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
    for (let i = 0; i < 3; i++) await createTestOffering(owner.token, mine.customer.url, mine.category.url);
    const url = `http://portico.test/api/marketplace-provider-offerings/?customer_uuid=${mine.customer.uuid}&page=2&page_size=1`;
    const res = await call(list, "GET", url, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(1);
    expect(res.headers.get("x-result-count")).toBe("3");
    const link = res.headers.get("link")!;
    for (const rel of ["first", "prev", "next", "last"]) expect(link).toContain(`rel="${rel}"`);
    expect(link).toContain('page=3&page_size=1>; rel="last"');
    expect((await call(list, "GET", `${url.replace("page=2", "page=9")}`, { token: owner.token })).status).toBe(404);
    const active = await call(
      list,
      "GET",
      `/api/marketplace-provider-offerings/?customer=${encodeURIComponent(mine.customer.url)}&state=Active`,
      { token: owner.token },
    );
    expect(active.json).toEqual([]);
    expect(active.headers.get("x-result-count")).toBe("0");
    expect(
      (await call(list, "GET", `/api/marketplace-provider-offerings/?state=Nope`, { token: owner.token })).status,
    ).toBe(400);
  });
});
