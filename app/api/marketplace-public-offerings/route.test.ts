import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestUser, type TestUser } from "@/lib/testing/fixtures";
import { createWaldurCustomerAndCategory } from "@/lib/testing/waldur";
import { createTestOffering } from "@/lib/testing/waldur-offering";
import { POST as activate } from "../marketplace-provider-offerings/[uuid]/activate/route";
import { POST as pause } from "../marketplace-provider-offerings/[uuid]/pause/route";
import { GET as listCategories } from "../marketplace-categories/route";
import { GET as readPlan } from "../marketplace-plans/[uuid]/route";
import { GET as readOne } from "./[uuid]/route";
import { GET as list } from "./route";

let owner: TestUser;
let ctx: Awaited<ReturnType<typeof createWaldurCustomerAndCategory>>;
beforeAll(async () => {
  const staff = await createTestUser({ role: "admin" });
  owner = await createTestUser();
  ctx = await createWaldurCustomerAndCategory(staff.token, { ownerId: owner.user.id });
});

describe("/api/marketplace-public-offerings/", () => {
  it("lists Active offerings only, without login, with search and category filter; pausing hides one", async () => {
    const word = `zebra${Date.now()}`;
    const a = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url, { name: `Alpha ${word}` });
    const b = await createTestOffering(owner.token, ctx.customer.url, ctx.category.url, {
      description: `about ${word}`,
    });
    await createTestOffering(owner.token, ctx.customer.url, ctx.category.url, { name: `Draft ${word}` });
    for (const o of [a, b])
      expect((await call(activate, "POST", "/x/", { token: owner.token, params: { uuid: o.uuid } })).status).toBe(201);

    const res = await call(
      list,
      "GET",
      `/api/marketplace-public-offerings/?keyword=${word}&category_uuid=${ctx.category.uuid}`,
    );
    expect(res.status).toBe(200);
    expect(res.json.map((o: { uuid: string }) => o.uuid).sort()).toEqual([a.uuid, b.uuid].sort());
    expect(
      res.json.every(
        (o: { state: string; plugin_options: object; secret_options: object }) =>
          o.state === "Active" && !Object.keys(o.secret_options).length,
      ),
    ).toBe(true);
    expect(res.headers.get("x-result-count")).toBe("2");
    const other = await call(
      list,
      "GET",
      `/api/marketplace-public-offerings/?keyword=${word}&category_uuid=0123456789abcdef0123456789abcdef`,
    );
    expect(other.json).toEqual([]);

    expect((await call(readOne, "GET", "/x/", { params: { uuid: a.uuid } })).status).toBe(200);
    expect((await call(readPlan, "GET", "/x/", { params: { uuid: a.plans[0].uuid } })).json.prices).toEqual({
      node_hours: 0.25,
      storage: 12.5,
    });
    await call(pause, "POST", "/x/", {
      token: owner.token,
      params: { uuid: a.uuid },
      body: { paused_reason: "maintenance" },
    });
    expect((await call(readOne, "GET", "/x/", { params: { uuid: a.uuid } })).status).toBe(404);
    expect((await call(readPlan, "GET", "/x/", { params: { uuid: a.plans[0].uuid } })).status).toBe(404);
    const after = await call(list, "GET", `/api/marketplace-public-offerings/?keyword=${word}`);
    expect(after.json.map((o: { uuid: string }) => o.uuid)).toEqual([b.uuid]);

    const cats = await call(
      listCategories,
      "GET",
      `/api/marketplace-categories/?title=${encodeURIComponent(ctx.category.title)}`,
    );
    expect(cats.json[0]).toMatchObject({ uuid: ctx.category.uuid, available_offerings_count: 1, offering_count: 2 });
  });
});
