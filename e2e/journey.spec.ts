import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { startIntegrationModule } from "../lib/testing/integration-module";
import { ADMIN_TOKEN, storageStateOf } from "./accounts";

// The whole product in one run: a brand-new provider from its first UCloud request to its first usage
// chart, through the ARGO registry, the Waldur offering wizard, ARGO accounting and a CloudCockpit
// customer — every API call with its own correlation id, found again in the audit log at the end.

/** Names unique to one run, so the journey runs again (and beside the other specs) on the same database. */
function journeyNames() {
  const uid = randomUUID().slice(0, 8);
  return {
    uid,
    specId: `journey-${uid}`,
    sysadmin: {
      email: `journey-${uid}@example.org`,
      username: `journey-${uid}`,
      password: `correct-horse-battery-staple-${uid.split("").reverse().join("")}`,
    },
    profile: {
      name: `Journey Compute ${uid}`,
      website: `https://journey-${uid}.example.org/`,
      abbreviation: "JRNY",
      logo: `https://journey-${uid}.example.org/logo.svg`,
    },
    offeringName: `Journey Cluster ${uid}`,
  };
}
const CSP_TENANT = "demo-csp.portico.local"; // the demo tenant whose csp is provider@portico.local
const MARKUP = 20;

type Call = { token?: string; data?: unknown; headers?: Record<string, string>; status: number; audit?: string };
/** An API client whose every call sends its own correlation id; the calls that change something name the audit action they must leave. */
function apiClient(uid: string) {
  const calls: { correlationId: string; action?: string }[] = [];
  const api = async (
    request: APIRequestContext,
    method: "GET" | "POST",
    url: string,
    { token, data, headers = {}, status, audit }: Call,
  ) => {
    const correlationId = `journey-${uid}-${calls.length + 1}`;
    calls.push({ correlationId, action: audit });
    const res = await request.fetch(url, {
      method,
      data,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        "x-correlation-id": correlationId,
        ...headers,
      },
    });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBe(status);
    expect(res.headers()["x-correlation-id"]).toBe(correlationId);
    return res.json();
  };
  return { api, calls };
}

const pageAs = async (browser: Browser, role: "admin" | "provider") =>
  (await browser.newContext({ storageState: storageStateOf(role) })).newPage();
const iso = (d: Date) => d.toISOString().slice(0, 10);

test("a new provider's whole journey: UCloud registration → ARGO registry → Waldur offering → ARGO usage → CloudCockpit prices → audit", async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  const started = Date.now();
  const { uid, specId, sysadmin, profile, offeringName } = journeyNames();
  const { api, calls } = apiClient(uid);
  const im = await startIntegrationModule();
  const admin = await pageAs(browser, "admin");
  let owner: Page; // the provider's sysadmin, who becomes its admin
  let sysadminId = "";
  let welcome: { token: string; createdProvider: { refreshToken: string; publicKey: string } };
  let offeringId = "";
  let accessToken = "";
  let installationId = "";
  // last month, whole: one month of daily usage
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const days = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).getUTCDate();
  const monthEnd = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), days));
  const daily = Array.from({ length: days }, (_, d) => 100 + 5 * d); // core-hours per day
  const usageTotal = daily.reduce((a, b) => a + b, 0);
  const capacity = 8000;

  await test.step("1. UCloud: the integration module asks, its sysadmin signs, an admin approves in the live queue, the welcome arrives", async () => {
    sysadminId = (
      await api(request, "POST", "/api/admin/users", {
        token: ADMIN_TOKEN,
        data: { ...sysadmin, name: "Journey Sysadmin" },
        status: 201,
        audit: "user.create",
      })
    ).id;
    const specification = {
      id: specId,
      domain: "127.0.0.1",
      https: false,
      port: im.port,
      product: { id: "", category: "", provider: "ucloud_core" },
    };
    const info = await api(request, "POST", "/api/providers/requestApproval", {
      data: { type: "information", specification },
      status: 200,
      audit: "registration.request",
    });
    expect(info.type).toBe("requires_signature");

    owner = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await owner.goto("/login");
    await owner.getByLabel("Email or username").fill(sysadmin.email);
    await owner.getByLabel("Password").fill(sysadmin.password);
    await owner.getByRole("button", { name: "Sign in" }).click();
    await expect(owner.getByTestId("signed-in-user")).toBeVisible();
    await owner.goto(`/providers/sign/${info.token}`);
    await expect(owner.getByText(`/ucloud/${specId}/integration/welcome`)).toBeVisible();
    await owner.getByRole("button", { name: `Sign as the administrator of ${specId}` }).click();
    await expect(owner.getByText(`You signed the registration of “${specId}”.`)).toBeVisible();

    await admin.goto("/approvals");
    const row = admin.locator(`[data-testid=registration-row][data-spec-id="${specId}"]`);
    await expect(row).toContainText("signed, awaiting approval");
    await row.getByRole("button", { name: `Approve ${specId}` }).click();
    await expect(row).toHaveCount(0);

    await expect.poll(() => im.received.length, { timeout: 30_000 }).toBe(1);
    const [delivery] = im.received;
    expect(delivery.path).toBe(`/ucloud/${specId}/integration/welcome`);
    expect(delivery.authorization).toBe(`Bearer ${info.token}`);
    welcome = delivery.body as typeof welcome;
    expect(welcome.token).toBe(info.token);
    expect(welcome.createdProvider.refreshToken).toMatch(/^prt_\S{30,}$/);
    expect(welcome.createdProvider.publicKey).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\s*$/,
    );
  });

  await test.step("2. ARGO: the provider is in the registry list and search; its admin completes the profile in the portal", async () => {
    const registered = { id: specId, name: specId, website: "", abbreviation: "", logo: "" };
    let listed: unknown;
    for (let page = 1; !listed; page++) {
      const body = await api(request, "GET", `/accounting-system/providers?page=${page}&size=100`, {
        token: ADMIN_TOKEN,
        status: 200,
      });
      expect(body.content.length, `${specId} is on no page of the list`).toBeGreaterThan(0);
      listed = body.content.find((p: { id: string }) => p.id === specId);
    }
    expect(listed).toEqual({ ...registered, creator_id: sysadminId });
    const search = {
      type: "filter",
      operator: "AND",
      criteria: [
        { type: "query", field: "source", operand: "eq", values: "registration" },
        { type: "query", field: "id", operand: "eq", values: specId },
      ],
    };
    expect(
      (
        await api(request, "POST", "/accounting-system/providers/search", {
          token: ADMIN_TOKEN,
          data: search,
          status: 200,
        })
      ).content,
    ).toEqual([registered]);

    await owner.goto(`/providers/${specId}`);
    await owner.getByLabel("Name", { exact: true }).fill(profile.name);
    await owner.getByLabel("Website").fill(profile.website);
    await owner.getByLabel("Abbreviation").fill(profile.abbreviation);
    await owner.getByLabel("Logo URL").fill(profile.logo);
    await owner.getByRole("button", { name: "Save changes" }).click();
    await expect(owner.getByRole("heading", { name: profile.name })).toBeVisible();
    await expect(owner.getByRole("img", { name: `${profile.name} logo` })).toHaveAttribute("src", profile.logo);
    expect(
      await api(request, "GET", `/accounting-system/providers/${specId}`, { token: ADMIN_TOKEN, status: 200 }),
    ).toEqual({ id: specId, ...profile, creator_id: sysadminId });
  });

  await test.step("3. Waldur: the provider admin builds an offering in the wizard and activates it; the catalogue and the API show it", async () => {
    await owner.goto("/offerings/new");
    await expect(owner.getByLabel("Organisation (customer)").locator("option:checked")).toHaveText(profile.name);
    await expect(owner.getByLabel("Provider", { exact: true }).locator("option:checked")).toHaveText(profile.name);
    await owner.getByLabel("Name", { exact: true }).fill(offeringName);
    await owner.getByLabel("Description").fill("The journey's SLURM cluster.");
    await owner.getByLabel("Category").selectOption({ label: "HPC" });
    await owner.getByRole("button", { name: "Next" }).click();

    await expect(owner.getByLabel("Type (key)").first()).toHaveValue("cpu_hours");
    await owner.getByRole("button", { name: "Add component" }).click();
    await owner.getByLabel("Type (key)").nth(1).fill("storage");
    await owner.getByLabel("Name", { exact: true }).nth(1).fill("Storage");
    await owner.getByLabel("Unit", { exact: true }).nth(1).fill("TB");
    await owner.getByLabel("Billing type").nth(1).selectOption("fixed");
    await owner.getByLabel("Limit period").nth(1).selectOption("month");
    await owner.getByRole("button", { name: "Next" }).click();

    await owner.getByLabel("Plan name").first().fill("Standard");
    await owner.getByLabel("Price of CPU hours in Standard").fill("0.10");
    await owner.getByLabel("Price of Storage in Standard").fill("10");
    await owner.getByLabel("Quota of Storage in Standard").fill("1");
    await owner.getByRole("button", { name: "Add plan" }).click();
    await owner.getByLabel("Plan name").nth(1).fill("Premium");
    await owner.getByLabel("Price of CPU hours in Premium").fill("0.05");
    await owner.getByLabel("Price of Storage in Premium").fill("10");
    await owner.getByLabel("Quota of Storage in Premium").fill("5");
    await owner.getByRole("button", { name: "Next" }).click();

    await owner.getByLabel(/Home directory prefix/).fill("/home/");
    await owner.getByLabel(/Initial UID number/).fill("70000");
    await owner.getByLabel("Supports pausing").check();
    await owner.getByRole("button", { name: "Next" }).click();
    await expect(owner.getByText("initial_uidnumber: 70000")).toBeVisible();
    await owner.getByRole("button", { name: "Create as Draft" }).click();
    await expect(owner.getByText("Offering created as Draft.")).toBeVisible();
    await owner.getByRole("button", { name: "Activate now" }).click();
    await expect(owner).toHaveURL(/\/offerings\/[0-9a-f-]{36}$/);
    await expect(owner.getByText("It is listed in the public catalogue.")).toBeVisible();
    offeringId = owner.url().split("/").pop()!;

    await owner.goto(`/providers/${specId}?tab=offerings`);
    await expect(owner.getByTestId("provider-offering-row")).toHaveCount(1);
    await expect(owner.getByTestId("provider-offering-row")).toContainText(offeringName);
    await expect(owner.getByTestId("provider-offering-row")).toContainText("Active");

    const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await visitor.goto(`/catalogue?q=${encodeURIComponent(offeringName)}`);
    await expect(visitor.getByTestId("catalogue-card")).toHaveCount(1);
    await expect(visitor.getByTestId("catalogue-card")).toContainText(`by ${profile.name}`);
    await visitor.getByRole("link", { name: offeringName }).click();
    await expect(visitor.getByTestId("plan-price-row").filter({ hasText: "Standard" })).toContainText("0.10");
    await expect(visitor.getByTestId("plan-price-row").filter({ hasText: "Premium" })).toContainText("5 included");
    await visitor.context().close();

    const hex = offeringId.replace(/-/g, "");
    const pub = await api(request, "GET", `/api/marketplace-public-offerings/${hex}/`, { status: 200 });
    expect(pub).toMatchObject({
      uuid: hex,
      name: offeringName,
      state: "Active",
      type: "Marketplace.Slurm",
      customer_name: profile.name,
      category_title: "HPC",
      provider: specId,
    });
    expect(pub.components.map((c: { type: string; billing_type: string }) => [c.type, c.billing_type])).toEqual([
      ["cpu_hours", "usage"],
      ["storage", "fixed"],
    ]);
    const plans = Object.fromEntries(
      pub.plans.map((p: { name: string; prices: Record<string, number>; quotas: Record<string, number> }) => [
        p.name,
        { prices: p.prices, quotas: p.quotas },
      ]),
    );
    expect(plans).toEqual({
      Standard: { prices: { cpu_hours: 0.1, storage: 10 }, quotas: { cpu_hours: 0, storage: 1 } },
      Premium: { prices: { cpu_hours: 0.05, storage: 10 }, quotas: { cpu_hours: 0, storage: 5 } },
    });
    const managed = await api(request, "GET", `/api/marketplace-provider-offerings/${hex}/`, {
      token: ADMIN_TOKEN,
      status: 200,
    });
    expect(managed.plugin_options).toEqual({
      homedir_prefix: "/home/",
      initial_uidnumber: 70000,
      supports_pausing: true,
    });
  });

  await test.step("4. The integration module trades its refresh token for an access token and posts a month of usage; a capacity is set", async () => {
    accessToken = (
      await api(request, "POST", "/auth/refresh", {
        token: welcome.createdProvider.refreshToken,
        status: 200,
        audit: "provider.access_token.issue",
      })
    ).accessToken;
    const projectId = `journey-${uid}`;
    await api(request, "POST", "/accounting-system/projects", {
      token: ADMIN_TOKEN,
      data: { id: projectId, acronym: "JRNY", title: "The journey's project" },
      status: 201,
      audit: "project.register",
    });
    await api(request, "POST", `/accounting-system/projects/${projectId}/associate`, {
      token: accessToken,
      data: { providers: [specId] },
      status: 200,
      audit: "project.associate",
    });
    let cpu: { metric_definition_id: string } | undefined;
    for (let page = 1; !cpu; page++) {
      const metrics = await api(request, "GET", `/accounting-system/metric-definitions?page=${page}&size=100`, {
        token: accessToken,
        status: 200,
      });
      expect(metrics.content.length, "the demo's cpu_time metric is missing").toBeGreaterThan(0);
      cpu = metrics.content.find((m: { metric_name: string }) => m.metric_name === "cpu_time");
    }
    const inst = await api(request, "POST", "/accounting-system/installations", {
      token: accessToken,
      data: {
        project: projectId,
        organisation: specId,
        infrastructure: "journey-infra",
        installation: `JRNY-${uid}`,
        unit_of_access: cpu!.metric_definition_id,
        external_id: `journey-${uid}`,
      },
      status: 201,
      audit: "installation.create",
    });
    installationId = inst.id;
    expect(inst).toMatchObject({ project: projectId, organisation: specId, creator_id: expect.any(String) });
    const cap = await api(request, "POST", `/accounting-system/installations/${installationId}/capacities`, {
      token: accessToken,
      data: { metric_definition_id: cpu!.metric_definition_id, value: capacity, registered_on: iso(monthStart) },
      status: 201,
      audit: "capacity.create",
    });
    expect(cap).toMatchObject({ value: capacity, registered_on: iso(monthStart) });
    const records = daily.map((value, d) => ({
      metric_definition_id: cpu!.metric_definition_id,
      time_period_start: new Date(monthStart.getTime() + d * 86_400_000).toISOString().replace(".000Z", "Z"),
      time_period_end: new Date(monthStart.getTime() + (d + 1) * 86_400_000).toISOString().replace(".000Z", "Z"),
      value,
      record_id: `journey-${uid}-${d + 1}`,
    }));
    const ingest = await api(request, "POST", `/accounting-system/installations/${installationId}/metrics/bulk`, {
      token: accessToken,
      data: records,
      status: 201,
      audit: "usage.batch",
    });
    expect(ingest).toMatchObject({ received: days, inserted: days, duplicates: 0 });
  });

  await test.step("5. ARGO report and the report wizard's chart show that usage with capacity and percentage; the CSV matches", async () => {
    const report = await api(
      request,
      "GET",
      `/accounting-system/providers/${specId}/report?start=${iso(monthStart)}&end=${iso(monthEnd)}`,
      { token: accessToken, status: 200 },
    );
    const [mine] = report.reports;
    expect(mine).toMatchObject({
      provider_id: specId,
      name: profile.name,
      abbreviation: profile.abbreviation,
      aggregated_metrics: [{ metric_name: "cpu_time", total_value: usageTotal }],
    });
    const [period] = mine.data[0].data[0].periods;
    expect(period).toMatchObject({
      from: `${iso(monthStart)}T00:00:00Z`,
      total_value: usageTotal,
      capacity_value: capacity,
    });
    expect(period.usage_percentage).toBeCloseTo((usageTotal / capacity) * 100, 2);

    await owner.goto("/usage");
    await owner.getByLabel("Provider").selectOption(specId);
    await owner.getByRole("button", { name: "Next" }).click();
    await owner.getByLabel("Start date").fill(iso(monthStart));
    await owner.getByLabel("End date (inclusive)").fill(iso(monthEnd));
    await owner.getByRole("button", { name: "Next" }).click();
    await owner.getByLabel("month").check();
    await owner.getByRole("button", { name: "Show report" }).click();
    const chart = owner.getByTestId("usage-chart");
    await expect(chart.getByRole("button", { name: "Capacity", exact: true })).toHaveAttribute("aria-pressed", "true");
    // one month, one capacity period: in the capacity panel the period's usage so far is a bar reaching
    // total/capacity of the dashed capacity line's height
    const budget = chart.getByTestId("capacity-to-date");
    const capacityLine = budget.locator('.recharts-reference-line-line[stroke-dasharray="6 4"]');
    await expect(capacityLine).toHaveCount(1);
    const bar = (await budget.locator(".recharts-bar-rectangle path").first().boundingBox())!;
    const line = (await capacityLine.boundingBox())!;
    expect(bar.height / (bar.y + bar.height - (line.y + line.height / 2))).toBeCloseTo(usageTotal / capacity, 1);
    const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
    const row = owner.getByTestId("usage-row");
    await expect(row).toHaveCount(1);
    await expect(row.locator("td")).toHaveText([
      fmt(usageTotal),
      fmt(usageTotal),
      fmt(usageTotal),
      fmt(capacity),
      `${fmt(period.usage_percentage)} %`,
    ]);

    const download = owner.waitForEvent("download");
    await owner.getByRole("button", { name: "Export CSV" }).click();
    const [header, ...lines] = fs
      .readFileSync((await (await download).path())!, "utf8")
      .trim()
      .split(/\r?\n/);
    expect(header).toBe(
      `period,from,to,partial,JRNY-${uid},total,capacity_used,capacity,usage_percentage,over_capacity`,
    );
    expect(lines).toHaveLength(1);
    const cells = Object.fromEntries(header.split(",").map((h, i) => [h, lines[0].split(",")[i]]));
    expect(Number(cells.total)).toBe(period.total_value);
    expect(Number(cells.capacity_used)).toBe(period.total_value);
    expect(Number(cells.capacity)).toBe(period.capacity_value);
    expect(Number(cells.usage_percentage)).toBeCloseTo(period.usage_percentage, 2);
    expect(cells.over_capacity).toBe("false");
  });

  await test.step("6. CloudCockpit: a CSP adds the provider's instance to a customer with a markup; the effective prices show", async () => {
    const csp = await pageAs(browser, "provider");
    const { token } = await api(csp.context().request, "POST", "/api/tokens", {
      data: { name: `journey ${uid}`, expiresInDays: 1 },
      status: 201,
      audit: "token.create",
    });
    const cc = { "x-tenant": CSP_TENANT };
    const instance = await api(request, "POST", "/v1/ProviderInstances", {
      token,
      headers: cc,
      data: { name: `${profile.name} (Portico)`, type: "portico", providerId: specId },
      status: 201,
      audit: "provider_instance.create",
    });
    expect(instance).toMatchObject({ type: "portico", providerId: specId, providerName: profile.name });
    const customer = await api(request, "POST", "/v1/Customers", {
      token,
      headers: cc,
      data: { name: `Journey customer ${uid}` },
      status: 201,
      audit: "customer.create",
    });
    await api(request, "POST", `/v1/Customers/${customer.id}/provider-instances`, {
      token,
      headers: cc,
      data: {
        providerInstanceId: instance.id,
        providerCustomerData: null,
        margin: { marginRule: { name: "markup", value: MARKUP } },
      },
      status: 201,
      audit: "customer_provider_instance.add",
    });
    const { prices, currency } = await api(
      request,
      "GET",
      `/v1/Customers/${customer.id}/provider-instances/${instance.id}/prices`,
      { token, headers: cc, status: 200 },
    );
    expect(currency).toBe("EUR");
    const expected = [
      ["Standard", null, "10.00", "12.00"], // 10 per TB × 1 TB, +20 %
      ["Standard", "CPU hours", "0.10", "0.12"],
      ["Premium", null, "50.00", "60.00"], // 10 per TB × 5 TB, +20 %
      ["Premium", "CPU hours", "0.05", "0.06"],
    ];
    const ours = prices.filter((p: { offeringName: string }) => p.offeringName === offeringName);
    expect(
      ours.map((p: { planName: string; component: string | null; basePrice: string; effectivePrice: string }) => [
        p.planName,
        p.component,
        p.basePrice,
        p.effectivePrice,
      ]),
    ).toEqual(expect.arrayContaining(expected));
    expect(ours).toHaveLength(expected.length);

    await csp.goto(`/tenants/${CSP_TENANT}/customers/${customer.id}`);
    const card = csp.getByTestId(`customer-instance-${profile.name} (Portico)`);
    await expect(card.getByTestId("instance-margin")).toHaveText(`markup ${MARKUP}%`);
    for (const [plan, component, , effective] of expected) {
      const row = card
        .getByTestId("price-row")
        .filter({ hasText: `${offeringName} · ${plan}` })
        .filter({ hasText: component ? `${component} (per` : "plan (per month)" });
      await expect(row.getByTestId("effective-price")).toHaveText(effective!);
    }
    await csp.context().close();
  });

  await test.step("7. The audit log has every step, each request under its own correlation id", async () => {
    for (const { correlationId, action } of calls.filter((c) => c.action)) {
      const { items } = await api(request, "GET", `/api/audit-events?correlationId=${correlationId}`, {
        token: ADMIN_TOKEN,
        status: 200,
      });
      expect(
        items.map((e: { action: string }) => e.action),
        correlationId,
      ).toContain(action);
      expect(items.every((e: { correlationId: string }) => e.correlationId === correlationId)).toBe(true);
    }
    // the browser's requests: one correlation id each (approval's provider and organisation share the approving request's)
    type Event = { action: string; entityId: string; correlationId: string; summary: Record<string, unknown> };
    const recent = async (query: string): Promise<Event[]> =>
      (await api(request, "GET", `/api/audit-events?${query}&size=200`, { token: ADMIN_TOKEN, status: 200 })).items;
    const registration = (await recent("action=registration.*")).filter((e) => e.summary.specId === specId);
    const byAction = Object.fromEntries(registration.map((e) => [e.action, e]));
    expect(Object.keys(byAction).sort()).toEqual(["registration.approve", "registration.request", "registration.sign"]);
    const provider = await recent(`entityType=provider&entityId=${specId}`);
    expect(provider.map((e) => e.action).sort()).toEqual([
      "provider.access_token.issue",
      "provider.create",
      "provider.update",
      "welcome.delivered",
    ]);
    const offering = await recent(`entityType=offering&entityId=${offeringId}`);
    expect(offering.map((e) => e.action).sort()).toEqual(["offering.activate", "offering.create"]);
    const delivered = provider.filter((e) => e.action === "welcome.delivered");
    expect(String(delivered[0].summary.url)).toContain(`/ucloud/${specId}/integration/welcome`);
    // the provider and the welcome (sent later by the outbox worker) are traced to the approving request
    const approval = byAction["registration.approve"].correlationId;
    expect(provider.find((e) => e.action === "provider.create")!.correlationId).toBe(approval);
    expect(delivered[0].correlationId).toBe(approval);
    const browserRequests = [
      byAction["registration.sign"],
      byAction["registration.approve"],
      provider.find((e) => e.action === "provider.update")!,
      ...offering,
    ].map((e) => e.correlationId);
    expect(new Set([...browserRequests, ...calls.map((c) => c.correlationId)]).size).toBe(
      browserRequests.length + calls.length,
    );

    await admin.goto(`/audit?entityType=provider&entityId=${specId}`);
    await expect(admin.getByTestId("audit-row")).toHaveCount(4);
    await expect(admin.getByTestId("audit-row").filter({ hasText: "provider.update" })).toContainText(profile.name);
    const usageCall = calls.find((c) => c.action === "usage.batch")!.correlationId;
    await admin.goto(`/audit?correlationId=${usageCall}`);
    await expect(admin.getByTestId("audit-row")).toHaveCount(1);
    await expect(admin.getByTestId("audit-row")).toContainText("usage.batch");
    await expect(admin.getByTestId("audit-row")).toContainText(`"inserted":${days}`);
  });

  await Promise.all([im.close(), owner!.context().close(), admin.context().close()]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`journey wall time: ${seconds} s`);
  await testInfo.attach("journey wall time", { body: `${seconds} s`, contentType: "text/plain" });
});
