import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, storageStateOf, type Role } from "./accounts";

// Logs each demo account in through the real form once and keeps its session for the other specs.
for (const role of Object.keys(ACCOUNTS) as Role[]) {
  setup(`log in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email or username").fill(ACCOUNTS[role].login);
    await page.getByLabel("Password").fill(ACCOUNTS[role].password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
