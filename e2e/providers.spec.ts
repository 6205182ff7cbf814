import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_TOKEN, storageStateOf } from "./accounts";

const uid = () => randomUUID().slice(0, 8);

test.describe("providers as admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("builds a nested search, sees the matching rows, copies the JSON the API answers the same to", async ({
    page,
    request,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/providers");
    await page.getByLabel("Operator of all providers where").selectOption("OR");
    await page.getByRole("button", { name: "Add condition", exact: true }).click();
    await page.getByLabel("Field of condition 1").selectOption("abbreviation");
    await page.getByLabel("Operand of condition 1").selectOption("eq");
    await page.getByLabel("Value of condition 1").fill("ESA");
    await page.getByRole("button", { name: "Add group", exact: true }).click();
    await page.getByLabel("Operator of group 2").selectOption("AND");
    await page.getByRole("button", { name: "Add condition to group 2" }).click();
    await page.getByRole("button", { name: "Add condition to group 2" }).click();
    await page.getByLabel("Field of condition 3").selectOption("name");
    await page.getByLabel("Operand of condition 3").selectOption("like");
    await page.getByLabel("Value of condition 3").fill("swedish");
    await page.getByLabel("Field of condition 4").selectOption("source");
    await page.getByLabel("Operand of condition 4").selectOption("eq");
    await page.getByLabel("Value of condition 4").fill("catalogue");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/dsl=/);
    const rows = page.getByTestId("provider-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "esa-int" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "sites" })).toHaveCount(1);

    await page.getByText("Search as JSON").click();
    const json = JSON.parse((await page.getByTestId("search-json").textContent())!);
    expect(json).toEqual({
      type: "filter",
      operator: "OR",
      criteria: [
        { type: "query", field: "abbreviation", operand: "eq", values: "ESA" },
        {
          type: "filter",
          operator: "AND",
          criteria: [
            { type: "query", field: "name", operand: "like", values: "swedish" },
            { type: "query", field: "source", operand: "eq", values: "catalogue" },
          ],
        },
      ],
    });
    await page.getByRole("button", { name: "Copy JSON" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(json);

    const api = await request.post("/accounting-system/providers/search", {
      data: json,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(api.status()).toBe(200);
    expect((await api.json()).content.map((p: { id: string }) => p.id).sort()).toEqual(["esa-int", "sites"]);
  });

  test("creates, edits and deletes a provider, with field errors; grants and revokes access", async ({ page }) => {
    const id = `e2e-${uid()}`;
    await page.goto("/providers/new");
    await page.getByLabel("Id", { exact: true }).fill(id);
    await page.getByLabel("Name", { exact: true }).fill(`E2E Provider ${id}`); // ARGO refuses a name another provider has
    await page.getByLabel("Website").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Create provider" }).click();
    await expect(page.locator("#website-error")).toHaveText("website must be a web address (http or https).");
    await page.getByLabel("Website").fill("https://e2e.example.org/");
    await page.getByRole("button", { name: "Create provider" }).click();
    await expect(page.getByText("Provider created.")).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Providers" }),
    ).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(`E2E Provider renamed ${id}`);
    await page.getByLabel("Abbreviation").fill("E2E");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: `E2E Provider renamed ${id}` })).toBeVisible();

    await page.getByLabel("Project id").first().fill("704029");
    await page.getByLabel("Who (username, e-mail or id)").fill("member");
    await page.getByRole("button", { name: "Grant", exact: true }).click();
    await expect(page.getByTestId("acl-row").filter({ hasText: "member" })).toContainText("viewer");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: /Revoke member/ }).click();
    await expect(page.getByTestId("acl-row")).toHaveCount(0);

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Delete provider" }).click();
    await expect(page.getByText("Provider deleted.")).toBeVisible();
    await page.goto(`/providers?q=${id}`);
    await expect(page.getByText("No provider matches")).toBeVisible();
  });

  test("a catalogue provider is read-only and the catalogue can be imported now", async ({ page }) => {
    await page.goto("/providers/esa-int");
    await expect(page.getByTestId("catalogue-readonly")).toBeVisible();
    await expect(page.getByTestId("edit-refused")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete provider" })).toHaveCount(0);

    await page.goto("/providers");
    await page.getByRole("button", { name: "Import catalogue now" }).click();
    await expect(page.getByTestId("import-summary")).toContainText("0 new");
  });

  test("the provider page: tabs are links with aria-current, the Offerings tab lists the offerings naming the provider, the old list address is the source filter", async ({
    page,
    request,
  }) => {
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const [customer] = await (await request.get("/api/customers/", { headers })).json();
    const [category] = await (await request.get("/api/marketplace-categories/", { headers })).json();
    const name = `E2E offering ${uid()}`;
    const created = await request.post("/api/marketplace-provider-offerings/", {
      headers,
      data: { name, customer: customer.uuid, category: category.uuid, type: "Marketplace.Basic", provider: "ncc-hpc" },
    });
    expect(created.status()).toBe(201);

    await page.goto("/providers/ncc-hpc");
    const tabs = page.getByRole("navigation", { name: "Provider sections" });
    await expect(tabs.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Registration" })).toHaveCount(0); // ncc-hpc came in through the portal
    await tabs.getByRole("link", { name: "Offerings" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/providers\/ncc-hpc\?tab=offerings$/);
    await expect(tabs.getByRole("link", { name: "Offerings" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Profile" })).not.toHaveAttribute("aria-current", "page");
    const row = page.getByTestId("provider-offering-row").filter({ hasText: name });
    await expect(row).toContainText("Draft");
    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();

    await page.goto("/registered-providers");
    await expect(page).toHaveURL(/\/providers\?source=registration$/);
    await expect(page.getByLabel("Source")).toHaveValue("registration");
    await expect(page.getByTestId("provider-row").filter({ hasText: "ncc-cloud" })).toHaveCount(1);
    for (const source of await page.getByTestId("provider-row").locator("td:nth-child(5)").allTextContents())
      expect(source).toBe("UCloud registration");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Registered providers" }),
    ).toHaveCount(0);
  });

  test("sorts and pages through the list with the state in the URL", async ({ page }) => {
    await page.goto("/providers?size=10");
    await page.getByRole("link", { name: "Name", exact: true }).click();
    await expect(page).toHaveURL(/sort=name&dir=asc|dir=asc.*sort=name/);
    const first = await page.getByTestId("provider-row").first().locator("td").nth(1).textContent();
    await page.getByRole("link", { name: /Name ▲/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page.getByTestId("provider-row").first().locator("td").nth(1)).not.toHaveText(first!);
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText("Page 2 of")).toBeVisible();
  });
});

test.describe("providers as provider admin", () => {
  test.use({ storageState: storageStateOf("provider") });

  test("the Usage tab of an own provider counts its installations and leads into the usage report", async ({
    page,
  }) => {
    await page.goto("/providers/ncc-hpc?tab=usage");
    await expect(
      page.getByRole("navigation", { name: "Provider sections" }).getByRole("link", { name: "Usage" }),
    ).toHaveAttribute("aria-current", "page");
    // The demo's three, and any another spec added (an approved order's resource is an installation too):
    // the count is the installations the table lists.
    const count = Number(await page.getByTestId("usage-installations").textContent());
    const listed = await page
      .getByTestId("usage-row")
      .evaluateAll((rows) => rows.map((r) => r.querySelector("td, th")?.textContent?.trim()).filter(Boolean));
    expect(count).toBeGreaterThanOrEqual(3);
    expect(listed).toHaveLength(count);
    for (const installation of ["NCC-HPC-1", "NCC-HPC-2", "NCC-CLOUD"])
      await expect(page.getByTestId("usage-row").filter({ hasText: installation })).not.toHaveCount(0);
    await page.getByRole("link", { name: "Usage report", exact: true }).click();
    await expect(page).toHaveURL(/\/usage\?provider=ncc-hpc/);
  });

  test("'Only providers I manage' narrows the list to their own, and the address keeps it", async ({ page }) => {
    await page.goto("/providers?size=100");
    await expect(page.getByTestId("provider-row").filter({ hasText: "esa-int" })).toHaveCount(1);
    await page.getByLabel("Only providers I manage").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/mine=1/);
    for (const id of ["ncc-hpc", "ncc-cloud", "nordic-hpc", "nordic-storage"])
      await expect(page.getByTestId("provider-row").filter({ hasText: id })).toHaveCount(1);
    await expect(page.getByTestId("provider-row").filter({ hasText: "esa-int" })).toHaveCount(0);
    await expect(page.getByLabel("Only providers I manage")).toBeChecked();
  });
});

test.describe("providers as member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("sees no Usage or Registration tab of a provider that is not theirs, and a 404 at their addresses", async ({
    page,
  }) => {
    await page.goto("/providers/ncc-cloud");
    const tabs = page.getByRole("navigation", { name: "Provider sections" });
    await expect(tabs.getByRole("link")).toHaveText(["Profile", "Offerings"]);
    for (const tab of ["usage", "registration"]) {
      const res = await page.goto(`/providers/ncc-cloud?tab=${tab}`);
      expect(res?.status()).toBe(404);
    }
  });

  test("cannot edit someone else's provider", async ({ page }) => {
    await page.goto("/providers/nordic-hpc");
    await expect(page.getByTestId("edit-refused")).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete provider" })).toHaveCount(0);
  });
});
