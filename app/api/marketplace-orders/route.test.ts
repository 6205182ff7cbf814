import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  installations,
  marketplaceOrders,
  marketplaceResources,
  metricDefinitions,
} from "@/drizzle/schema";
import { marketplaceFixture, placeTestOrder, type MarketplaceFixture } from "@/lib/marketplace/testing/fixture";
import { toUuid } from "@/lib/offerings/refs";
import { call, db } from "@/lib/testing/fixtures";
import { GET as getOrder } from "./[uuid]/route";
import { POST as approve } from "./[uuid]/approve_by_provider/route";
import { POST as cancel } from "./[uuid]/cancel/route";
import { POST as reject } from "./[uuid]/reject_by_provider/route";
import { POST as setBackendId } from "./[uuid]/set_backend_id/route";
import { POST as setDone } from "./[uuid]/set_state_done/route";
import { POST as setErred } from "./[uuid]/set_state_erred/route";
import { POST as setExecuting } from "./[uuid]/set_state_executing/route";
import { GET as list, POST as place } from "./route";

let f: MarketplaceFixture;
beforeAll(async () => {
  f = await marketplaceFixture();
});

const as = (token: string, uuid: string, body?: unknown) => ({
  token,
  scheme: "Token" as const,
  params: { uuid },
  body,
});
const orderCount = async () => (await (await db()).select().from(marketplaceOrders)).length;

describe("POST /api/marketplace-orders/", () => {
  it("a member of the project's customer orders an Active offering's plan: pending-provider, no resource yet", async () => {
    const order = await placeTestOrder(f, { request_comment: "for the spring runs" });
    expect(order).toMatchObject({
      state: "pending-provider",
      type: "Create",
      offering_uuid: f.offering.uuid,
      plan_uuid: f.offering.plans[0].uuid,
      project_uuid: f.projectUuid,
      project_name: f.projectId,
      limits: { storage: 3 },
      request_comment: "for the spring runs",
      created_by_username: f.member.user.username,
      consumer_reviewed_by_username: f.member.user.username,
      provider_reviewed_by: null,
    });
    expect(order.marketplace_resource_uuid).toMatch(/^[0-9a-f]{32}$/);
    const [resource] = await (
      await db()
    )
      .select()
      .from(marketplaceResources)
      .where(eq(marketplaceResources.id, toUuid(order.marketplace_resource_uuid)!));
    expect(resource).toBeUndefined();
    const events = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, toUuid(order.uuid)!));
    expect(events.map((e) => e.action)).toEqual(["order.place"]);
  });

  it("refuses bad references, a plan of another offering, unknown limits and strangers' projects, storing nothing", async () => {
    const before = await orderCount();
    const body = { offering: f.offering.url, plan: f.offering.plans[0].url, project: f.projectUrl };
    const post = (token: string, b: unknown) => call(place, "POST", "/", { token, scheme: "Token", body: b });
    let res = await post(f.member.token, { ...body, offering: "https://x/api/customers/1/" });
    expect(res.status).toBe(400);
    expect(res.json.offering).toEqual(["Invalid hyperlink - No URL match."]);
    res = await post(f.member.token, {
      ...body,
      plan: f.offering.plans[0].url.replace(/[0-9a-f]{32}/, "0".repeat(32)),
    });
    expect(res.status).toBe(400);
    expect(res.json.plan[0]).toMatch(/not an active plan/);
    res = await post(f.member.token, { ...body, limits: { gpu_hours: 1, storage: -1 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json)).toContain("limits.storage");
    res = await post(f.member.token, { ...body, limits: { gpu_hours: 1 } });
    expect(res.json.limits).toEqual(["Unknown components: gpu_hours."]);
    res = await post(f.outsider.token, body);
    expect(res.status).toBe(400);
    expect(res.json.project).toEqual(["Invalid hyperlink - Object does not exist."]);
    res = await post(f.member.token, { offering: f.offering.url, project: f.projectUrl });
    expect(res.json.plan).toEqual(["This field is required."]);
    expect(await orderCount()).toBe(before);
  });
});

describe("the provider's side, as the site agent calls it", () => {
  it("lists pending orders of its offering, approves one (the resource is an installation), then marks it done", async () => {
    const order = await placeTestOrder(f);
    const page = await call(
      list,
      "GET",
      `/api/marketplace-orders/?offering_uuid=${f.offering.uuid}&state=pending-provider&state=executing`,
      { token: f.agent.token, scheme: "Token" },
    );
    expect(page.status).toBe(200);
    expect(page.json.map((o: { uuid: string }) => o.uuid)).toContain(order.uuid);
    expect(Number(page.headers.get("x-result-count"))).toBe(page.json.length);
    const stranger = await call(list, "GET", "/api/marketplace-orders/", { token: f.outsider.token, scheme: "Token" });
    expect(stranger.json).toEqual([]);

    expect((await call(approve, "POST", "/", as(f.member.token, order.uuid))).status).toBe(403);
    expect((await call(approve, "POST", "/", as(f.outsider.token, order.uuid))).status).toBe(404);
    const ok = await call(approve, "POST", "/", as(f.agent.token, order.uuid));
    expect(ok.status).toBe(200);
    expect(ok.json).toBe("Order has been approved and is being processed.");
    const again = await call(approve, "POST", "/", as(f.agent.token, order.uuid));
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ detail: "Valid states for operation: pending-provider." });

    const read = await call(getOrder, "GET", "/", as(f.member.token, order.uuid));
    expect(read.json).toMatchObject({ state: "executing", provider_reviewed_by_username: f.agent.user.username });
    const d = await db();
    const [resource] = await d
      .select({ r: marketplaceResources, i: installations })
      .from(marketplaceResources)
      .innerJoin(installations, eq(installations.pk, marketplaceResources.installationPk))
      .where(eq(marketplaceResources.id, toUuid(order.marketplace_resource_uuid)!));
    expect(resource.r.state).toBe("Creating");
    expect(resource.i).toMatchObject({
      projectId: f.projectId,
      providerId: f.providerId,
      installation: order.resource_name,
      externalId: order.marketplace_resource_uuid,
    });
    const metrics = await d.select().from(metricDefinitions).where(eq(metricDefinitions.pk, resource.i.unitOfAccessPk));
    expect(metrics[0].offeringComponentId).not.toBeNull();

    expect((await call(setDone, "POST", "/", as(f.agent.token, order.uuid))).status).toBe(200);
    const [done] = await d.select().from(marketplaceResources).where(eq(marketplaceResources.id, resource.r.id));
    expect(done.state).toBe("OK");
    const finished = await call(getOrder, "GET", "/", as(f.agent.token, order.uuid));
    expect(finished.json.state).toBe("done");
    expect(finished.json.completed_at).not.toBeNull();
    const actions = await d
      .select({ a: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "order"), eq(auditEvents.entityId, toUuid(order.uuid)!)));
    expect(actions.map((x) => x.a).sort()).toEqual([
      "order.approve_by_provider",
      "order.place",
      "order.set_state_done",
    ]);
  });

  it("rejects with a reason (no resource is made); erred keeps the site's message; the member cancels a pending one", async () => {
    const rejected = await placeTestOrder(f);
    const res = await call(
      reject,
      "POST",
      "/",
      as(f.providerOwner.token, rejected.uuid, { provider_rejection_comment: "No capacity left" }),
    );
    expect(res.status).toBe(200);
    const read = await call(getOrder, "GET", "/", as(f.member.token, rejected.uuid));
    expect(read.json).toMatchObject({ state: "rejected", termination_comment: "No capacity left" });
    const d = await db();
    const made = await d
      .select()
      .from(marketplaceResources)
      .where(eq(marketplaceResources.id, toUuid(rejected.marketplace_resource_uuid)!));
    expect(made).toEqual([]);

    const erred = await placeTestOrder(f);
    expect((await call(setExecuting, "POST", "/", as(f.agent.token, erred.uuid))).status).toBe(200);
    const e = await call(
      setErred,
      "POST",
      "/",
      as(f.agent.token, erred.uuid, { error_message: "sacctmgr failed", error_traceback: "Traceback …" }),
    );
    expect(e.status).toBe(200);
    const [resource] = await d
      .select()
      .from(marketplaceResources)
      .where(eq(marketplaceResources.id, toUuid(erred.marketplace_resource_uuid)!));
    expect(resource.state).toBe("Erred");
    expect((await call(getOrder, "GET", "/", as(f.agent.token, erred.uuid))).json).toMatchObject({
      state: "erred",
      error_message: "sacctmgr failed",
    });
    const b = await call(setBackendId, "POST", "/", as(f.agent.token, erred.uuid, { backend_id: "job-17" }));
    expect(b.json).toEqual({ status: "Order backend_id has been changed." });

    const canceled = await placeTestOrder(f);
    expect((await call(cancel, "POST", "/", as(f.agent.token, canceled.uuid))).status).toBe(403);
    expect((await call(cancel, "POST", "/", as(f.member.token, canceled.uuid))).status).toBe(202);
    expect((await call(getOrder, "GET", "/", as(f.member.token, canceled.uuid))).json.state).toBe("canceled");
  });
});
