import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { componentUsages, usageDaily, usageRecords } from "@/drizzle/schema";
import { GET as listUsages } from "@/app/api/marketplace-component-usages/route";
import { POST as setUsage } from "@/app/api/marketplace-component-usages/set_usage/route";
import { GET as listOrders } from "@/app/api/marketplace-orders/route";
import { GET as getOrder } from "@/app/api/marketplace-orders/[uuid]/route";
import { POST as approve } from "@/app/api/marketplace-orders/[uuid]/approve_by_provider/route";
import { POST as setDone } from "@/app/api/marketplace-orders/[uuid]/set_state_done/route";
import { GET as listResources } from "@/app/api/marketplace-provider-resources/route";
import { GET as getResource } from "@/app/api/marketplace-provider-resources/[uuid]/route";
import { POST as setResourceBackendId } from "@/app/api/marketplace-provider-resources/[uuid]/set_backend_id/route";
import { POST as setLimits } from "@/app/api/marketplace-provider-resources/[uuid]/set_limits/route";
import { POST as terminate } from "@/app/api/marketplace-provider-resources/[uuid]/terminate/route";
import { externalIdReport } from "@/lib/accounting/read-reports";
import { toUuid } from "@/lib/offerings/refs";
import { call, db, unique } from "@/lib/testing/fixtures";
import { marketplaceFixture, placeTestOrder, type MarketplaceFixture } from "./testing/fixture";
import { billingPeriodOf } from "./usage-period";

// The Waldur Site Agent's loops (waldur_site_agent/common/processors.py), call by call with its own filters and
// bodies, against the route handlers: orders (list pending/executing of its offering → approve → retrieve → the
// resource's backend id and limits → set_state_done), usage (resources OK/Erred of its offering → the period's
// usages → set_usage, skipped or repeated) and termination.

let f: MarketplaceFixture;
beforeAll(async () => {
  f = await marketplaceFixture();
});

type Handler = Parameters<typeof call>[0];
const agent = (
  handler: Handler,
  method: string,
  url: string,
  opts: { params?: Record<string, string>; body?: unknown } = {},
) => call(handler, method, url, { token: f.agent.token, scheme: "Token", ...opts });
const ok = <T extends { status: number; text: string }>(res: T, status = 200): T => {
  expect(res.status, res.text).toBe(status);
  return res;
};

describe("the Waldur Site Agent's loop", () => {
  it("processes a Create order, reports usage idempotently into the ARGO report, and terminates", async () => {
    const placed = await placeTestOrder(f, { limits: { storage: 3 } });

    // process_offering: marketplace_orders_list(offering_uuid, state=[pending-provider, executing])
    const pending = ok(
      await agent(
        listOrders,
        "GET",
        `/api/marketplace-orders/?offering_uuid=${f.offering.uuid}&state=pending-provider&state=executing`,
      ),
    ).json as { uuid: string; state: string; type: string }[];
    expect(pending.map((o) => o.uuid)).toContain(placed.uuid);
    const params = { uuid: placed.uuid };
    ok(await agent(approve, "POST", "/", { params, body: {} }));
    const order = ok(await agent(getOrder, "GET", `/api/marketplace-orders/${placed.uuid}/`, { params })).json;
    expect(order.state).toBe("executing");

    // _process_create_order: the resource, its backend id and limits
    const resourceParams = { uuid: order.marketplace_resource_uuid };
    const resource = ok(await agent(getResource, "GET", "/", { params: resourceParams })).json;
    expect(resource).toMatchObject({ state: "Creating", limits: { storage: 3 }, project_uuid: f.projectUuid });
    ok(await agent(setResourceBackendId, "POST", "/", { params: resourceParams, body: { backend_id: "acc_alloc1" } }));
    ok(
      await agent(setLimits, "POST", "/", {
        params: resourceParams,
        body: { limits: { storage: 4, node_hours: 100 } },
      }),
    );
    // order_is_done: marketplace_orders_retrieve(field=[uuid, state]) then set_state_done
    const refreshed = ok(
      await agent(getOrder, "GET", `/api/marketplace-orders/${placed.uuid}/?field=uuid&field=state`, { params }),
    ).json;
    expect(refreshed).toEqual({ uuid: placed.uuid, state: "executing" });
    ok(await agent(setDone, "POST", "/", { params }));

    // the usage loop: resources of the offering in OK or Erred, a few fields
    const listed = ok(
      await agent(
        listResources,
        "GET",
        `/api/marketplace-provider-resources/?offering_uuid=${f.offering.uuid}&state=OK&state=Erred&field=uuid&field=backend_id&field=name&field=state&field=project_uuid`,
      ),
    ).json as Record<string, string>[];
    expect(listed).toContainEqual(
      expect.objectContaining({
        uuid: resource.uuid,
        backend_id: "acc_alloc1",
        state: "OK",
        project_uuid: f.projectUuid,
      }),
    );
    expect(Object.keys(listed[0]).sort()).toEqual(["backend_id", "name", "project_uuid", "state", "uuid"]);

    const now = new Date();
    const period = billingPeriodOf(now);
    const existing = async () =>
      ok(
        await agent(
          listUsages,
          "GET",
          `/api/marketplace-component-usages/?resource_uuid=${resource.uuid}&billing_period=${period}&field=uuid&field=type&field=usage`,
        ),
      ).json as { uuid: string; type: string; usage: number }[];
    expect(await existing()).toEqual([]);

    // ComponentUsageCreateRequest exactly as the agent builds it: amounts as "%.2f" strings, resource, date
    const body = {
      usages: [
        { type: "node_hours", amount: "120.50" },
        { type: "storage", amount: "2.00" },
      ],
      resource: resource.uuid,
      date: now.toISOString(),
    };
    ok(await agent(setUsage, "POST", "/", { body }), 201);
    const first = await existing();
    expect(first.map((u) => [u.type, u.usage]).sort()).toEqual([
      ["node_hours", 120.5],
      ["storage", 2],
    ]);
    const d = await db();
    const snapshot = async () => ({
      records: await d.select().from(usageRecords).orderBy(usageRecords.id),
      daily: await d.select().from(usageDaily).orderBy(usageDaily.day, usageDaily.metricPk),
    });
    const before = await snapshot();

    // a retry of the same call (the agent's process_order_with_retries): nothing changes
    ok(await agent(setUsage, "POST", "/", { body }), 201);
    expect(await snapshot()).toEqual(before);

    // the ARGO report by external id (the resource's uuid) shows the amounts
    const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const range = { start: period, end: lastDay };
    const report = await externalIdReport(
      { db: d, actor: f.providerOwner.actor, correlationId: unique("c") },
      resource.uuid,
      range,
    );
    const totals = Object.fromEntries(
      report.aggregated.map((a) => [a.metric.metricName, Math.round(a.total * 100) / 100]),
    );
    expect(totals).toMatchObject({ "Node hours": 120.5, Storage: 2 });

    // a later report of the same period replaces the amount, never adds
    ok(
      await agent(setUsage, "POST", "/", {
        body: { ...body, usages: [{ type: "node_hours", amount: "130.00" }] },
      }),
      201,
    );
    const rows = await d
      .select()
      .from(componentUsages)
      .where(eq(componentUsages.resourceId, toUuid(resource.uuid)!));
    expect(rows).toHaveLength(2);
    const again = await externalIdReport(
      { db: d, actor: f.providerOwner.actor, correlationId: unique("c") },
      resource.uuid,
      range,
    );
    expect(
      Object.fromEntries(again.aggregated.map((a) => [a.metric.metricName, Math.round(a.total * 100) / 100])),
    ).toMatchObject({ "Node hours": 130, Storage: 2 });
    const current = ok(await agent(getResource, "GET", "/", { params: resourceParams })).json;
    expect(current.current_usages).toEqual({ node_hours: 130, storage: 2 });

    // the consumer terminates: a Terminate order for the provider; the agent approves and finishes it
    const term = ok(
      await call(terminate, "POST", "/", { token: f.member.token, scheme: "Token", params: resourceParams, body: {} }),
    ).json;
    const termParams = { uuid: term.order_uuid };
    const termOrder = ok(await agent(getOrder, "GET", "/", { params: termParams })).json;
    expect(termOrder).toMatchObject({
      type: "Terminate",
      state: "pending-provider",
      marketplace_resource_uuid: resource.uuid,
    });
    ok(await agent(approve, "POST", "/", { params: termParams }));
    expect(ok(await agent(getResource, "GET", "/", { params: resourceParams })).json.state).toBe("Terminating");
    ok(await agent(setDone, "POST", "/", { params: termParams }));
    expect(ok(await agent(getResource, "GET", "/", { params: resourceParams })).json.state).toBe("Terminated");
    const late = await agent(setUsage, "POST", "/", { body });
    expect(late.status).toBe(409);
  });

  it("refuses bad usage with field errors and strangers, writing nothing", async () => {
    const placed = await placeTestOrder(f);
    ok(await agent(approve, "POST", "/", { params: { uuid: placed.uuid } }));
    const resource = placed.marketplace_resource_uuid;
    const d = await db();
    const count = async () => (await d.select().from(usageRecords)).length;
    const before = await count();
    let res = await agent(setUsage, "POST", "/", {
      body: {
        resource,
        usages: [
          { type: "gpu", amount: "1.00" },
          { type: "node_hours", amount: "1.00" },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json["usages.0.type"]).toEqual(["The offering has no component gpu."]);
    res = await agent(setUsage, "POST", "/", { body: { resource, usages: [{ type: "node_hours", amount: "1.234" }] } });
    expect(res.status).toBe(400);
    res = await agent(setUsage, "POST", "/", { body: { usages: [{ type: "node_hours", amount: "1" }] } });
    expect(res.status).toBe(400);
    expect(res.json.resource).toEqual(["This field is required."]);
    res = await call(setUsage, "POST", "/", {
      token: f.outsider.token,
      scheme: "Token",
      body: { resource, usages: [{ type: "node_hours", amount: "1" }] },
    });
    expect(res.status).toBe(404);
    res = await call(setUsage, "POST", "/", {
      token: f.member.token,
      scheme: "Token",
      body: { resource, usages: [{ type: "node_hours", amount: "1" }] },
    });
    expect(res.status).toBe(403);
    res = await call(setLimits, "POST", "/", {
      token: f.member.token,
      scheme: "Token",
      params: { uuid: resource },
      body: { limits: { storage: 1 } },
    });
    expect(res.status).toBe(403);
    res = await agent(setLimits, "POST", "/", { params: { uuid: resource }, body: { limits: { gpu: 1 } } });
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
