import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_TOKEN, storageStateOf } from "./accounts";

// Ordering from the catalogue, end to end: the member orders in the browser, the provider admin approves in the
// browser, then a script with the offering's service-account token drives the rest as the Waldur Site Agent does
// (set_state_done, set_usage with ComponentUsageCreateRequest's body), and the member sees the usage.

const uid = () => randomUUID().slice(0, 8);
const waldur = (request: APIRequestContext, token: string) => ({
  get: async (url: string) => {
    const res = await request.get(url, { headers: { authorization: `Token ${token}` } });
    expect(res.status(), await res.text()).toBe(200);
    return res.json();
  },
  post: async (url: string, data: unknown, status = [200, 201]) => {
    const res = await request.post(url, { headers: { authorization: `Token ${token}` }, data });
    expect(status, `${url}: ${res.status()} ${await res.text()}`).toContain(res.status());
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  },
});

test("a member orders in the catalogue, the provider approves, the site agent reports usage the member sees", async ({
  browser,
  request,
}) => {
  const tag = uid();
  const admin = waldur(request, ADMIN_TOKEN);
  const [alpine] = await admin.get("/api/customers/?name_exact=Alpine%20Research%20Cloud");
  const [nordic] = await admin.get("/api/customers/?name_exact=Nordic%20Compute%20Centre");
  const [category] = await admin.get("/api/marketplace-categories/?page_size=1");
  // the member's project (the member belongs to Alpine) and an Active offering of Nordic's provider ncc-hpc
  const project = await admin.post("/api/projects/", { name: `Climate ${tag}`, customer: alpine.url });
  const offering = await admin.post("/api/marketplace-provider-offerings/", {
    name: `Orderable cluster ${tag}`,
    customer: nordic.url,
    category: category.url,
    type: "Marketplace.Slurm",
    shared: true,
    provider: "ncc-hpc",
    components: [
      { type: "node_hours", name: "Node hours", measured_unit: "hours", billing_type: "usage", limit_period: null },
      { type: "storage", name: "Storage", measured_unit: "TB", billing_type: "limit", limit_period: "total" },
    ],
    plans: [{ name: "Standard", unit: "month", prices: { node_hours: 0.1, storage: 5 } }],
  });
  await admin.post(`/api/marketplace-provider-offerings/${offering.uuid}/activate/`, undefined);
  // the site agent's service account, OFFERING.MANAGER of the offering
  const sa = await admin.post("/api/users/", {
    username: `agent_${tag}`,
    email: `agent_${tag}@example.org`,
    agree_with_policy: true,
    first_name: "Site",
    last_name: "Agent",
  });
  await admin.post(`/api/marketplace-provider-offerings/${offering.uuid}/add_user/`, {
    role: "OFFERING.MANAGER",
    user: sa.uuid,
  });
  const agent = waldur(request, (await admin.get(`/api/users/${sa.uuid}/token/`)).token);

  // 1. the member orders in the public catalogue
  const memberContext = await browser.newContext({ storageState: storageStateOf("member") });
  const member = await memberContext.newPage();
  await member.goto(`/catalogue/${offering.uuid}`);
  const form = member.getByRole("form", { name: "Order this offering" });
  await form.getByLabel("Project").selectOption({ label: `Climate ${tag}` });
  await form.getByLabel("Resource name").fill(`alloc-${tag}`);
  await form.getByLabel(/Storage limit/).fill("4");
  await form.getByRole("button", { name: "Place order" }).click();
  await expect(member.getByRole("status")).toContainText("waits for the provider's approval");
  await member.goto("/orders");
  const memberRow = member.getByTestId("order-row").filter({ hasText: `alloc-${tag}` });
  await expect(memberRow).toContainText("pending-provider");
  await expect(memberRow.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  // 2. the provider admin approves it on Orders (pending first)
  const providerContext = await browser.newContext({ storageState: storageStateOf("provider") });
  const provider = await providerContext.newPage();
  await provider.goto("/orders");
  const row = provider.getByTestId("order-row").filter({ hasText: `alloc-${tag}` });
  await expect(row).toContainText("storage: 4");
  await row.getByRole("button", { name: `Approve alloc-${tag}` }).click();
  await expect(row).toContainText("executing");

  // 3. the site agent: its offering's executing orders, the resource's backend id, done, then usage
  const [order] = await agent.get(
    `/api/marketplace-orders/?offering_uuid=${offering.uuid}&state=pending-provider&state=executing`,
  );
  expect(order).toMatchObject({ state: "executing", project_uuid: project.uuid, limits: { storage: 4 } });
  await agent.post(`/api/marketplace-provider-resources/${order.marketplace_resource_uuid}/set_backend_id/`, {
    backend_id: `slurm_${tag}`,
  });
  await agent.post(`/api/marketplace-orders/${order.uuid}/set_state_done/`, undefined);
  const usage = {
    usages: [
      { type: "node_hours", amount: "120.50" },
      { type: "storage", amount: "3.00" },
    ],
    resource: order.marketplace_resource_uuid,
    date: new Date().toISOString(),
  };
  await agent.post("/api/marketplace-component-usages/set_usage/", usage, [201]);
  const once = await agent.get(`/api/marketplace-component-usages/?resource_uuid=${order.marketplace_resource_uuid}`);
  await agent.post("/api/marketplace-component-usages/set_usage/", usage, [201]);
  expect(
    await agent.get(`/api/marketplace-component-usages/?resource_uuid=${order.marketplace_resource_uuid}`),
  ).toEqual(once);

  // 4. the member sees the resource and its usage
  await member.goto("/orders");
  await expect(member.getByTestId("order-row").filter({ hasText: `alloc-${tag}` })).toContainText("done");
  const resource = member.getByTestId("resource-row").filter({ hasText: `alloc-${tag}` });
  await expect(resource).toContainText("node_hours: 120.5");
  await expect(resource).toContainText("storage: 3");
  await expect(resource).toContainText(`slurm_${tag}`);

  // a second order, rejected with a reason the member reads
  await member.goto(`/catalogue/${offering.uuid}`);
  await form.getByLabel("Project").selectOption({ label: `Climate ${tag}` });
  await form.getByLabel("Resource name").fill(`second-${tag}`);
  await form.getByRole("button", { name: "Place order" }).click();
  await expect(member.getByRole("status")).toContainText("waits for the provider's approval");
  await provider.goto("/orders");
  const second = provider.getByTestId("order-row").filter({ hasText: `second-${tag}` });
  await second.getByRole("button", { name: `Reject… second-${tag}` }).click();
  await second.getByLabel("Reason (shown to the orderer)").fill("No capacity this quarter");
  await second.getByRole("button", { name: `Confirm rejection of second-${tag}` }).click();
  await expect(second).toContainText("rejected");
  await member.goto("/orders");
  await expect(member.getByTestId("order-row").filter({ hasText: `second-${tag}` })).toContainText(
    "Reason: No capacity this quarter",
  );
  await memberContext.close();
  await providerContext.close();
});
