import { expect, test } from "@playwright/test";
import { storageStateOf, type Role } from "./accounts";

// The frame around every page: the header says what the person is, and on a phone the navigation
// folds behind a Menu button so the page's own content comes first.

const LABELS: Record<Role, RegExp> = {
  admin: /^\(federation admin\)$/,
  support: /^\(support · read-only\)$/,
  provider: /^\(owner · Nordic Compute Centre( \+\d+)?\)$/,
  member: /^\((owner|manager|member) · Alpine Research Cloud( \+\d+)?\)$/,
};

for (const role of Object.keys(LABELS) as Role[]) {
  test(`the header names ${role} by what they are`, async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await ctx.newPage();
    await page.goto("/");
    await expect(page.getByTestId("role-label")).toHaveText(LABELS[role]);
    await ctx.close();
  });
}

test.describe("on a phone", () => {
  test.use({ storageState: storageStateOf("admin"), viewport: { width: 390, height: 844 } });

  test("the page's heading is on the first screen and the navigation waits behind Menu", async ({ page }) => {
    await page.goto("/providers");
    const heading = page.getByRole("heading", { level: 1, name: "Providers" });
    await expect(heading).toBeInViewport();
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height, "the heading sits in the top quarter of the screen").toBeLessThan(844 / 4);
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    const menu = page.getByRole("button", { name: /^Menu/ });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("Menu opens and closes from the keyboard, and a chosen page closes it", async ({ page }) => {
    await page.goto("/");
    const menu = page.getByRole("button", { name: /^Menu/ });
    // Tab from the top: the skip link first, then the Menu button.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Dashboard", exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav).toHaveCount(0);

    await page.keyboard.press("Space");
    await nav.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeInViewport();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  });

  test("the skip link moves focus to the page's content", async ({ page }) => {
    await page.goto("/offerings");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });
});

test("on a desktop the sidebar is always there and the Menu button is not", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStateOf("provider") });
  const page = await ctx.newPage();
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Menu/ })).toBeHidden();
  await ctx.close();
});
