import type { ContractClient } from "../client";
import type { ContractSuite } from "./types";

// Orders as the Waldur Site Agent drives them: the owner makes a project in its customer and a provider of its
// own, orders a plan of an Active offering sold by that provider, and the offering's manager (the seed's service
// account) approves, marks it executing, notes the site's id and marks it done; other orders are rejected,
// cancelled and erred. Then the refusals Waldur's clients test for.

const NOWHERE = "0123456789abcdef0123456789abcdef";
const ORDER = "GET /api/marketplace-orders/{uuid}/";

async function expectState(c: ContractClient, uuid: string, expected: string, after: string) {
  const res = await c.call(ORDER, { as: "agent", params: { uuid }, note: `state after ${after}` });
  c.expectThat(res.body.state === expected, ORDER, `${after} leaves the order ${expected}`, expected, res.body.state);
  return res.body;
}

/** An ARGO provider registered by the owner (its creator), so the owner may link offerings to it. */
async function ownProvider(c: ContractClient, tag: string): Promise<string> {
  const id = `orders-${tag}`;
  const res = await fetch(new URL("/accounting-system/providers", c.base), {
    method: "POST",
    headers: { authorization: `Bearer ${c.tokens.get("owner")}`, "content-type": "application/json" },
    body: JSON.stringify({ id, name: `Orders ${tag}`, website: "https://orders.example.org" }),
  });
  if (res.status !== 201) throw new Error(`registering provider ${id} answered ${res.status}: ${await res.text()}`);
  return id;
}

export const ordersSuite: ContractSuite = {
  name: "orders",
  async run(c, w) {
    const project = (
      await c.call("POST /api/projects/", {
        as: "owner",
        body: { name: `Orders ${w.tag}`, customer: w.customer.url, description: "Orders of the contract" },
        note: "the owner makes a project in its customer",
      })
    ).body;
    c.expectThat(
      project.customer_uuid === w.customer.uuid && typeof project.uuid === "string",
      "POST /api/projects/",
      "the project is the customer's",
      w.customer.uuid,
      project,
    );
    const provider = await ownProvider(c, w.tag);
    const offering = (
      await c.call("POST /api/marketplace-provider-offerings/", {
        as: "owner",
        note: "an offering sold by the owner's provider (Portico's `provider`)",
        body: {
          name: `Orderable ${w.tag}`,
          customer: w.customer.url,
          category: w.category.url,
          type: "Marketplace.Slurm",
          shared: true,
          provider,
          components: [
            { type: "cpu", name: "CPU hours", measured_unit: "hours", billing_type: "usage", limit_period: null },
            { type: "storage", name: "Storage", measured_unit: "TB", billing_type: "limit", limit_period: "total" },
          ],
          plans: [{ name: "Default", unit: "month", prices: { cpu: 0.5, storage: 10 } }],
        },
      })
    ).body;
    const offeringParams = { uuid: offering.uuid };
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/activate/", { as: "owner", params: offeringParams });
    await c.call("POST /api/marketplace-provider-offerings/{uuid}/add_user/", {
      as: "owner",
      params: offeringParams,
      body: { role: "OFFERING.MANAGER", user: w.serviceAccount.uuid },
      note: "the site agent manages the new offering",
    });

    const place = async (name: string, note: string) =>
      (
        await c.call("POST /api/marketplace-orders/", {
          as: "owner",
          note,
          body: {
            offering: offering.url,
            plan: offering.plans[0].url,
            project: project.url,
            limits: { storage: 5 },
            attributes: { name },
            request_comment: "For the contract",
          },
        })
      ).body;

    // 1. placed → approved → executing → backend id → done
    const order = await place(`alloc-${w.tag}`, "a Create order of the Active offering");
    c.expectThat(
      order.state === "pending-provider" && order.type === "Create" && order.project_uuid === project.uuid,
      "POST /api/marketplace-orders/",
      "a new order waits for the provider",
      "pending-provider Create for the project",
      { state: order.state, type: order.type, project_uuid: order.project_uuid },
    );
    const params = { uuid: order.uuid };
    const pending = await c.call("GET /api/marketplace-orders/", {
      as: "agent",
      query: { offering_uuid: offering.uuid, state: ["pending-provider"], o: ["-created"] },
      note: "the site agent's pending orders",
    });
    c.expectThat(
      pending.body.some((o: { uuid: string }) => o.uuid === order.uuid),
      "GET /api/marketplace-orders/",
      "the agent lists the pending order",
      order.uuid,
      pending.body.map((o: { uuid: string }) => o.uuid),
    );
    const mine = await c.call("GET /api/marketplace-orders/", {
      as: "owner",
      query: { project_uuid: project.uuid, type: ["Create"], field: ["uuid", "state"] },
      note: "the consumer's orders of its project, two fields",
    });
    c.expectThat(
      mine.body.length === 1 && Object.keys(mine.body[0]).sort().join() === "state,uuid",
      "GET /api/marketplace-orders/",
      "project_uuid filters and field= selects",
      "one order with uuid and state",
      mine.body,
    );
    await c.call(ORDER, { as: "owner", params, note: "the orderer reads it" });
    await c.call("POST /api/marketplace-orders/{uuid}/approve_by_provider/", { as: "agent", params });
    await expectState(c, order.uuid, "executing", "approve_by_provider");
    await c.call("POST /api/marketplace-orders/{uuid}/set_state_executing/", {
      as: "agent",
      params,
      note: "again while executing: Waldur's IncorrectStateException",
      expect: 409,
    });
    await c.call("POST /api/marketplace-orders/{uuid}/set_backend_id/", {
      as: "agent",
      params,
      body: { backend_id: `slurm-${w.tag}` },
    });
    await c.call("POST /api/marketplace-orders/{uuid}/set_state_done/", { as: "agent", params });
    const done = await expectState(c, order.uuid, "done", "set_state_done");
    c.expectThat(
      done.backend_id === `slurm-${w.tag}` && typeof done.marketplace_resource_uuid === "string",
      ORDER,
      "the order keeps the site's id and names its resource",
      `slurm-${w.tag}`,
      { backend_id: done.backend_id, marketplace_resource_uuid: done.marketplace_resource_uuid },
    );

    // The resource (an accounting installation) as the agent handles it, and its usage
    const RES = "GET /api/marketplace-provider-resources/{uuid}/";
    const resourceParams = { uuid: done.marketplace_resource_uuid };
    const resources = await c.call("GET /api/marketplace-provider-resources/", {
      as: "agent",
      query: { offering_uuid: [offering.uuid], state: ["OK", "Erred"], field: ["uuid", "backend_id", "name", "state"] },
      note: "the agent's usage loop: its offering's OK and Erred resources",
    });
    c.expectThat(
      resources.body.some(
        (r: { uuid: string; state: string }) => r.uuid === done.marketplace_resource_uuid && r.state === "OK",
      ),
      "GET /api/marketplace-provider-resources/",
      "the done order's resource is OK",
      done.marketplace_resource_uuid,
      resources.body,
    );
    await c.call("GET /api/marketplace-provider-resources/", {
      as: "owner",
      query: { project_uuid: project.uuid, o: ["-created", "name"], page_size: 5 },
      note: "the consumer's resources of its project",
    });
    await c.call(RES, { as: "agent", params: resourceParams });
    await c.call("POST /api/marketplace-provider-resources/{uuid}/set_backend_id/", {
      as: "agent",
      params: resourceParams,
      body: { backend_id: `acc-${w.tag}` },
    });
    await c.call("POST /api/marketplace-provider-resources/{uuid}/set_limits/", {
      as: "agent",
      params: resourceParams,
      body: { limits: { storage: 8, cpu: 1000 } },
    });
    const byBackend = await c.call("GET /api/marketplace-provider-resources/", {
      as: "agent",
      query: { backend_id: `acc-${w.tag}` },
      note: "backend_id finds it (the agent's uniqueness check)",
    });
    c.expectThat(
      byBackend.body.length === 1 && byBackend.body[0].limits?.storage === 8,
      "GET /api/marketplace-provider-resources/",
      "set_backend_id and set_limits are kept",
      "one resource with storage 8",
      byBackend.body,
    );
    const usage = {
      usages: [
        { type: "cpu", amount: "120.00" },
        { type: "storage", amount: "2.00" },
      ],
      resource: done.marketplace_resource_uuid,
    };
    await c.call("POST /api/marketplace-component-usages/set_usage/", { as: "agent", body: usage });
    await c.call("POST /api/marketplace-component-usages/set_usage/", {
      as: "agent",
      body: usage,
      note: "the same again: nothing changes",
    });
    const usages = await c.call("GET /api/marketplace-component-usages/", {
      as: "agent",
      query: { resource_uuid: done.marketplace_resource_uuid, o: ["-billing_period"] },
    });
    c.expectThat(
      usages.body.length === 2 &&
        usages.body.some((u: { type: string; usage: number }) => u.type === "cpu" && u.usage === 120),
      "GET /api/marketplace-component-usages/",
      "one usage per component, the amount set once",
      "cpu 120 and storage 2",
      usages.body,
    );
    await c.call("GET /api/marketplace-component-usages/{uuid}/", {
      as: "owner",
      params: { uuid: usages.body[0].uuid },
      note: "the consumer reads its usage",
    });
    await c.call("POST /api/marketplace-component-usages/set_usage/", {
      as: "agent",
      body: { usages: [{ type: "gpu", amount: "1.00" }], resource: done.marketplace_resource_uuid },
      expect: 400,
      note: "a component the offering does not have",
    });
    const terminated = await c.call("POST /api/marketplace-provider-resources/{uuid}/terminate/", {
      as: "agent",
      params: resourceParams,
      body: {},
      note: "the provider terminates: an executing Terminate order",
    });
    await expectState(c, terminated.body.order_uuid, "executing", "terminate by the provider");
    await c.call("POST /api/marketplace-orders/{uuid}/set_state_done/", {
      as: "agent",
      params: { uuid: terminated.body.order_uuid },
    });
    const gone = await c.call(RES, { as: "agent", params: resourceParams, query: { field: ["state"] } });
    c.expectThat(
      gone.body.state === "Terminated",
      RES,
      "the done Terminate order ends the resource",
      "Terminated",
      gone.body,
    );
    await c.call("POST /api/marketplace-provider-resources/{uuid}/terminate/", {
      as: "owner",
      params: resourceParams,
      expect: 409,
      note: "terminate a Terminated resource",
    });
    await c.call(RES, { as: "agent", params: { uuid: NOWHERE }, expect: 404, note: "unknown resource" });

    // 2. rejected (Waldur's request has no body; Portico's optional reason is tested with the route)
    const rejected = await place(`reject-${w.tag}`, "an order the provider rejects");
    await c.call("POST /api/marketplace-orders/{uuid}/reject_by_provider/", {
      as: "agent",
      params: { uuid: rejected.uuid },
    });
    await expectState(c, rejected.uuid, "rejected", "reject_by_provider");

    // 3. cancelled by the consumer while pending
    const canceled = await place(`cancel-${w.tag}`, "an order the consumer cancels");
    await c.call("POST /api/marketplace-orders/{uuid}/cancel/", { as: "owner", params: { uuid: canceled.uuid } });
    await expectState(c, canceled.uuid, "canceled", "cancel");

    // 4. erred by the site while executing, then retried: executing again
    const erred = await place(`err-${w.tag}`, "an order the site fails");
    await c.call("POST /api/marketplace-orders/{uuid}/set_state_executing/", {
      as: "agent",
      params: { uuid: erred.uuid },
      note: "pending-provider → executing",
    });
    await c.call("POST /api/marketplace-orders/{uuid}/set_state_erred/", {
      as: "agent",
      params: { uuid: erred.uuid },
      body: { error_message: "Failed to connect to the backend.", error_traceback: "Traceback(...)" },
    });
    const failed = await expectState(c, erred.uuid, "erred", "set_state_erred");
    c.expectThat(
      failed.error_message === "Failed to connect to the backend.",
      ORDER,
      "the site's error message is kept",
      "Failed to connect to the backend.",
      failed.error_message,
    );

    // Refusals
    await c.call(ORDER, { as: "agent", params: { uuid: NOWHERE }, expect: 404, note: "unknown order" });
    await c.call("GET /api/marketplace-orders/", { expect: 401, note: "no token" });
    await c.call("POST /api/marketplace-orders/", {
      as: "owner",
      body: { offering: offering.url, plan: offering.plans[0].url },
      expect: 400,
      invalidRequest: true,
      note: "no project",
    });
    await c.call("POST /api/marketplace-orders/", {
      as: "owner",
      body: { offering: w.offering.url, plan: w.offering.plans[0].url, project: project.url },
      expect: 400,
      note: "an offering not linked to a provider",
    });
    await c.call("POST /api/marketplace-orders/", {
      as: "owner",
      body: { offering: offering.url, plan: offering.plans[0].url, project: project.url, limits: { gpu: 1 } },
      expect: 400,
      note: "a limit of an unknown component",
    });
    await c.call("POST /api/marketplace-orders/{uuid}/approve_by_provider/", {
      as: "agent",
      params: { uuid: rejected.uuid },
      expect: 409,
      note: "approve a rejected order",
    });
    await c.call("POST /api/marketplace-orders/{uuid}/cancel/", {
      as: "owner",
      params,
      expect: 409,
      note: "cancel a done order",
    });
    await c.call("POST /api/marketplace-orders/{uuid}/set_backend_id/", {
      as: "agent",
      params,
      body: {},
      expect: 400,
      invalidRequest: true,
      note: "no backend_id",
    });
    await c.call("GET /api/marketplace-orders/", {
      as: "agent",
      query: { state: ["bogus"] },
      expect: 400,
      invalidRequest: true,
      note: "an unknown state",
    });
    await c.call("POST /api/projects/", {
      as: "owner",
      body: { customer: w.customer.url },
      expect: 400,
      invalidRequest: true,
      note: "a project without a name",
    });
    await c.call("POST /api/projects/", {
      as: "agent",
      body: { name: "Not allowed", customer: w.customer.url },
      expect: 400,
      note: "a service account outside the customer: the customer is hidden",
    });
  },
};
