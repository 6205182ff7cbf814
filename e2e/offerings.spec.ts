import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { storageStateOf } from "./accounts";

const uid = () => randomUUID().slice(0, 8);

test.describe("as a provider admin", () => {
  test.use({ storageState: storageStateOf("provider") });

  test("wizard from empty to Active (with a validation error and a resumed draft), then the catalogue lists it until it is paused", async ({
    page,
    browser,
  }) => {
    const name = `E2E Cluster ${uid()}`;
    await page.goto("/offerings/new");
    await expect(page.getByRole("button", { name: /1\s*Basics/ })).toHaveAttribute("aria-current", "step");
    await page.getByLabel("Category").selectOption({ label: "HPC" });
    await page.getByRole("button", { name: "Next" }).click();
    // one validation error on the way, beside its field, with focus on it
    await expect(page.getByText("Give the offering a name.")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Description").fill("Created by the end-to-end test.");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await expect(page).toHaveURL(/\/offerings\/new\?draft=/);

    // leave, then resume the draft from the offerings list
    await page.goto("/offerings");
    const draft = page.getByTestId("draft-row").filter({ hasText: name });
    await draft.getByRole("link", { name: "Resume" }).click();
    await expect(page.getByRole("button", { name: /2\s*Components/ })).toHaveAttribute("aria-current", "step");
    await expect(page.getByLabel("Type (key)")).toHaveValue("cpu_hours");
    await page.getByRole("button", { name: "Next" }).click();

    await page.getByLabel("Price of CPU hours in Default").fill("0.05");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(/Initial UID number/).fill("5000");
    await page.getByLabel("Supports pausing").check();
    await page.getByRole("button", { name: "Next" }).click();

    await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByText("initial_uidnumber: 5000")).toBeVisible();
    await page.getByRole("button", { name: "Create as Draft" }).click();
    await expect(page.getByText("Offering created as Draft.")).toBeVisible();
    await page.getByRole("button", { name: "Activate now" }).click();
    await expect(page).toHaveURL(/\/offerings\/[0-9a-f-]{36}$/);
    await expect(page.getByText("It is listed in the public catalogue.")).toBeVisible();
    const offeringUrl = page.url();

    // the public catalogue, without login
    const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const visitor = await anon.newPage();
    await visitor.goto("/catalogue");
    await visitor.getByLabel("Search").fill(name);
    const hpc = (await visitor.locator("#category option", { hasText: /^HPC \(/ }).textContent())!;
    await visitor.getByLabel("Category").selectOption({ label: hpc });
    await visitor.getByRole("button", { name: "Search" }).click();
    await expect(visitor.getByTestId("catalogue-card")).toHaveCount(1);
    await visitor.getByRole("link", { name }).click();
    await expect(visitor.getByTestId("plan-price-row")).toContainText("0.05");

    // pausing hides it
    await page.goto(offeringUrl);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Confirm pause" }).click();
    await expect(page.getByText("Say why the offering is paused")).toBeVisible();
    await page.getByLabel("Pause reason").fill("Maintenance window");
    await page.getByRole("button", { name: "Confirm pause" }).click();
    await expect(page.getByText("Paused: Maintenance window")).toBeVisible();
    await visitor.goto(`/catalogue?q=${encodeURIComponent(name)}`);
    await expect(visitor.getByText("No offerings found")).toBeVisible();
    await anon.close();
  });
});

test.describe("as admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("reveals and refreshes the site agent's token on the offering page; the old token stops working", async ({
    page,
    request,
  }) => {
    await page.goto("/offerings?q=Nordic+HPC");
    await page.getByRole("link", { name: "Nordic HPC Cluster" }).click();
    const agent = page.getByTestId("offering-user").filter({ hasText: "ncc_site_agent" });
    await agent.getByRole("button", { name: "Reveal token of ncc_site_agent" }).click();
    const first = (await agent.getByTestId("service-token").textContent())!.trim();
    expect((await request.get("/api/users/", { headers: { authorization: `Token ${first}` } })).status()).toBe(200);
    page.once("dialog", (d) => d.accept());
    await agent.getByRole("button", { name: "Refresh token of ncc_site_agent" }).click();
    await expect(agent.getByTestId("service-token")).not.toHaveText(first);
    const second = (await agent.getByTestId("service-token").textContent())!.trim();
    expect((await request.get("/api/users/", { headers: { authorization: `Token ${first}` } })).status()).toBe(401);
    expect((await request.get("/api/users/", { headers: { authorization: `Token ${second}` } })).status()).toBe(200);
  });
});
