import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_TOKEN, storageStateOf } from "./accounts";

const uid = () => randomUUID().slice(0, 8);

async function fillMicrosoft(page: Page, email: string) {
  await page.getByLabel("Microsoft domain").fill("E2eDomain");
  await page.getByLabel("Credentials email").fill(email);
  await page.getByLabel("First name").fill("Erin");
  await page.getByLabel("Last name").fill("Example");
  await page.getByLabel("Contact email").fill("erin@example.test");
  await page.getByLabel("Phone").fill("921231231");
  await page.getByLabel("Default culture").fill("en-US");
  await page.getByLabel("Language").fill("en");
  await page.getByLabel("Associated partner id (MPN)").fill("6234552");
  await page.getByLabel("Agreement date").fill("2026-01-15");
}

test.describe("tenants, customers and provider instances", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin sets up a tenant, a customer and a Microsoft instance with a markup and a license override, edits and removes it", async ({
    page,
  }) => {
    const domain = `e2e-${uid()}.example.test`;
    await page.goto("/tenants");
    await page.getByLabel("Domain").fill(domain);
    await page.getByLabel("Tenant name").fill("E2E CSP");
    await page.getByRole("button", { name: "Create tenant" }).click();
    await expect(page.getByText(`Tenant ${domain} created.`)).toBeVisible();
    await page.getByTestId(`tenant-row-${domain}`).getByRole("link").click();
    await expect(page.getByRole("heading", { name: "E2E CSP" })).toBeVisible();

    await page.getByLabel("Instance name").fill("Microsoft EU");
    await page.getByLabel("Type", { exact: true }).selectOption("microsoft");
    await page.getByRole("button", { name: "Add provider instance" }).click();
    await expect(page.getByTestId("instance-row").filter({ hasText: "Microsoft EU" })).toBeVisible();

    await page.getByLabel("User (username or email)").fill("member@portico.local");
    await page.getByRole("button", { name: "Grant role" }).click();
    await expect(page.getByTestId("member-row-member")).toContainText("reseller");

    await page.getByLabel("Customer name").fill("Contoso Retail");
    await page.getByRole("button", { name: "Add customer" }).click();
    await page.getByRole("link", { name: "Contoso Retail" }).click();
    await expect(page.getByRole("heading", { name: "Contoso Retail" })).toBeVisible();

    // A markup of 15 and a license override (margin 20); one bad field first
    await page.getByLabel("Margin rule").selectOption("markup");
    await page.getByLabel("Margin value (%)").fill("15");
    await page.getByRole("button", { name: "Add offer-type override" }).click();
    await page.getByLabel("Offer type 1", { exact: true }).fill("license");
    await page.getByLabel("Rule for offer type 1").selectOption("margin");
    await page.getByLabel("Value for offer type 1 (%)").fill("120");
    await fillMicrosoft(page, "not-an-email");
    await page.getByRole("button", { name: "Add provider instance" }).click();
    await expect(page.getByText("A valid email address.")).toBeVisible();
    await expect(page.getByTestId("override-row").getByText(/A margin must be less than 100/)).toBeVisible();
    await expect(page.getByRole("alert").first()).toContainText("Check the fields marked below");
    await expect(page.getByLabel("Microsoft domain")).toHaveValue("E2eDomain"); // input kept
    await page.getByLabel("Credentials email").fill("admin@e2e.example.test");
    await page.getByLabel("Value for offer type 1 (%)").fill("20");
    await page.getByRole("button", { name: "Add provider instance" }).click();
    const card = page.getByTestId("customer-instance-Microsoft EU");
    await expect(card.getByTestId("instance-margin")).toHaveText("markup 15%");
    await expect(card).toContainText("license: margin 20%");
    await expect(card).toContainText("E2eDomain");

    await card.getByRole("button", { name: "Edit margins" }).click();
    await card.getByLabel("Margin value (%)").fill("25");
    await card.getByRole("button", { name: "Save margins" }).click();
    await expect(page.getByTestId("customer-instance-Microsoft EU").getByTestId("instance-margin")).toHaveText(
      "markup 25%",
    );

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Remove Microsoft EU" }).click();
    await expect(page.getByText("No provider instances yet")).toBeVisible();
  });

  test("a reseller sees only its own customers; the API speaks CloudCockpit with X-Tenant", async ({
    browser,
    request,
  }) => {
    const domain = `e2e-${uid()}.example.test`;
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect(
      (await request.post("/api/tenants", { headers: auth, data: { domain, name: "E2E API CSP" } })).status(),
    ).toBe(201);
    const member = await request.post(`/api/tenants/${domain}/members`, {
      headers: auth,
      data: { user: "member@portico.local", role: "reseller" },
    });
    expect(member.status()).toBe(201);
    const { resellerId } = await member.json();
    const h = { ...auth, "x-tenant": domain, "x-correlation-id": `e2e-${uid()}` };
    const mine = await (
      await request.post(`/v1/Customers?resellerId=${resellerId}`, {
        headers: h,
        data: { name: "Reseller's customer" },
      })
    ).json();
    await request.post("/v1/Customers", { headers: h, data: { name: "Direct customer" } });
    const instance = await (
      await request.post("/v1/ProviderInstances", { headers: h, data: { name: "Other cloud", type: "other" } })
    ).json();
    const added = await request.post(`/v1/Customers/${mine.id}/provider-instances`, {
      headers: h,
      data: {
        providerInstanceId: instance.id,
        providerCustomerData: null,
        margin: { marginRule: { name: "markup", value: 10 } },
        offerTypeMargins: { Value: { license: { Value: 10, MarginRule: { Name: "markup" } } } },
      },
    });
    expect(added.status()).toBe(201);
    expect(typeof (await added.json())).toBe("string");
    const dup = await request.post(`/v1/Customers/${mine.id}/provider-instances`, {
      headers: h,
      data: {
        providerInstanceId: instance.id,
        providerCustomerData: null,
        margin: { marginRule: { name: "markup", value: 10 } },
      },
    });
    expect(dup.status()).toBe(409);
    expect(await dup.json()).toMatchObject({ statusCode: 409, correlationId: h["x-correlation-id"] });
    expect((await request.get("/v1/Customers", { headers: { ...auth } })).status()).toBe(400);

    const ctx = await browser.newContext({ storageState: storageStateOf("member") });
    const page = await ctx.newPage();
    await page.goto("/tenants");
    await page.getByTestId(`tenant-row-${domain}`).getByRole("link").click();
    await expect(page.getByTestId("customer-row")).toHaveCount(1);
    await expect(page.getByTestId("customer-row")).toContainText("Reseller's customer");
    await page.getByRole("link", { name: "Reseller's customer" }).click();
    await expect(page.getByTestId("customer-instance-Other cloud").getByTestId("instance-margin")).toHaveText(
      "markup 10%",
    );
    await ctx.close();
  });

  test("effective prices follow the margins: a markup and a license override on a Portico instance", async ({
    page,
    request,
  }) => {
    const domain = `e2e-${uid()}.example.test`;
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    await request.post("/api/tenants", { headers: auth, data: { domain, name: "E2E Prices" } });
    const h = { ...auth, "x-tenant": domain };
    expect(
      (
        await request.post("/v1/ProviderInstances", {
          headers: h,
          data: { name: "Nordic HPC", type: "portico", providerId: "ncc-hpc" },
        })
      ).status(),
    ).toBe(201);
    const customer = await (
      await request.post("/v1/Customers", { headers: h, data: { name: "Priced customer" } })
    ).json();

    await page.goto(`/tenants/${domain}/customers/${customer.id}`);
    const preview = page.getByTestId("price-table");
    const plan = (table: typeof preview, name: string) =>
      table
        .getByTestId("price-row")
        .filter({ hasText: `Nordic HPC Cluster · ${name}` })
        .filter({ hasText: "plan (per month)" })
        .getByTestId("effective-price");
    const gpu = (table: typeof preview) =>
      table
        .getByTestId("price-row")
        .filter({ hasText: "Nordic HPC Cluster · Small" })
        .filter({ hasText: "GPU hours" })
        .getByTestId("effective-price");
    await page.getByLabel("Margin value (%)").fill("10");
    await expect(plan(preview, "Small")).toHaveText("16.50"); // 15.00 × 1.10
    await expect(gpu(preview)).toHaveText("0.99"); // 0.90 × 1.10
    await page.getByRole("button", { name: "Add offer-type override" }).click();
    await page.getByLabel("Offer type 1", { exact: true }).fill("license");
    await page.getByLabel("Rule for offer type 1").selectOption("margin");
    await page.getByLabel("Value for offer type 1 (%)").fill("20");
    await expect(plan(preview, "Small")).toHaveText("18.75"); // 15.00 / 0.80
    await expect(plan(preview, "Large")).toHaveText("150.00"); // 120.00 / 0.80
    await expect(gpu(preview)).toHaveText("0.99");
    await page.getByRole("button", { name: "Add provider instance" }).click();

    const card = page.getByTestId("customer-instance-Nordic HPC");
    await expect(plan(card.getByTestId("price-table"), "Small")).toHaveText("18.75");
    await card.getByRole("button", { name: "Edit margins" }).click();
    await card.getByLabel("Margin value (%)").fill("50");
    await expect(gpu(card.getByTestId("price-table"))).toHaveText("1.35");
    await card.getByRole("button", { name: "Save margins" }).click();
    await expect(page.getByText("Margins saved.")).toBeVisible();
    await expect(gpu(page.getByTestId("customer-instance-Nordic HPC").getByTestId("price-table"))).toHaveText("1.35");

    const api = await request.get(`/v1/Customers/${customer.id}/provider-instances`, { headers: h });
    const [link] = await api.json();
    const prices = await (
      await request.get(`/v1/Customers/${customer.id}/provider-instances/${link.providerInstanceId}/prices`, {
        headers: h,
      })
    ).json();
    expect(
      prices.prices.find(
        (p: { planName: string; component: string | null }) => p.planName === "Small" && p.component === null,
      ),
    ).toMatchObject({ basePrice: "15.00", effectivePrice: "18.75", marginSource: "offerType" });
  });
});
