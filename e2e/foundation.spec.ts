import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ACCOUNTS, storageStateOf } from "./accounts";

const uid = () => randomUUID().slice(0, 8);

test.describe("as admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a user and a token, calls /api/me with it, revokes it, and sees both in the audit log", async ({
    page,
    request,
  }) => {
    const username = `e2e-${uid()}`;
    await page.goto("/users");
    await page.getByLabel("Email").fill(`${username}@example.test`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Full name").fill("E2E Person");
    await page.getByLabel("Initial password").fill("a-long-password-1");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText(`User “${username}” created.`)).toBeVisible();
    await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();

    const tokenName = `e2e token ${uid()}`;
    await page.goto("/tokens");
    await page.getByLabel("Token name").fill(tokenName);
    await page.getByLabel("Lifetime").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^ptk_/);

    const me = await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).email).toBe(ACCOUNTS.admin.login);

    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0); // shown once only
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: `Revoke ${tokenName}` }).click();
    await expect(page.getByTestId("token-row").filter({ hasText: tokenName }).getByText("revoked")).toBeVisible();
    expect((await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

    await page.goto(`/audit?actor=admin`);
    await expect(page.getByTestId("audit-row").filter({ hasText: "user.create" }).first()).toBeVisible();
    await expect(page.getByTestId("audit-row").filter({ hasText: "token.create" }).first()).toBeVisible();
    await expect(page.getByTestId("audit-row").filter({ hasText: "token.revoke" }).first()).toBeVisible();
  });

  test("changes a role and deactivates a user, who can then no longer sign in", async ({ page, browser }) => {
    const username = `e2e-${uid()}`;
    await page.goto("/users");
    await page.getByLabel("Email").fill(`${username}@example.test`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Initial password").fill("a-long-password-2");
    await page.getByRole("button", { name: "Create user" }).click();
    const row = page.getByTestId(`user-row-${username}`);
    await row.getByLabel(`Role of ${username}`, { exact: true }).selectOption("support");
    await row.getByRole("button", { name: `Save role of ${username}` }).click();
    await expect(row.getByText("Saved.")).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: `Deactivate ${username}` }).click();
    await expect(row.getByText("inactive")).toBeVisible();

    const ctx = await browser.newContext({ storageState: undefined });
    const other = await ctx.newPage();
    await other.goto("/login");
    await other.getByLabel("Email or username").fill(username);
    await other.getByLabel("Password").fill("a-long-password-2");
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByText("Wrong email, username or password.")).toBeVisible();
    await ctx.close();
  });

  test("sees on the dashboard what needs attention, linking to the approval queue", async ({ page }) => {
    await page.goto("/");
    const item = page.getByTestId("attention").getByRole("link", { name: /Registrations awaiting approval/ });
    await expect(item).toBeVisible();
    await item.click();
    await expect(page).toHaveURL(/\/approvals/);
  });

  test("reads the API docs rendered in the app", async ({ page }) => {
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "API docs" })).toBeVisible();
    await expect(page.getByText("/api/me", { exact: true })).toBeVisible();
  });
});

test.describe("roles", () => {
  for (const role of ["support", "provider", "member"] as const) {
    test(`${role} sees the dashboard and only the pages of their role`, async ({ browser }) => {
      const ctx = await browser.newContext({ storageState: storageStateOf(role) });
      const page = await ctx.newPage();
      await page.goto("/");
      await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(role === "support" ? 1 : 0);
      const res = await page.goto("/audit");
      expect(res!.status()).toBe(role === "support" ? 200 : 403);
      await ctx.close();
    });
  }
});

test("a wrong password shows an error and repeated failures are rate-limited", async ({ page }) => {
  const login = `nobody-${uid()}@example.test`;
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email or username").fill(login);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled(); // the attempt has finished
    await expect(page.getByText("Wrong email, username or password.")).toBeVisible();
  }
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many sign-in attempts/)).toBeVisible();
});

test("signed-out visitors are sent to the login page and back after signing in", async ({ page }) => {
  await page.goto("/tokens");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftokens/);
  await page.getByLabel("Email or username").fill(ACCOUNTS.member.login);
  await page.getByLabel("Password").fill(ACCOUNTS.member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tokens$/);
  // This browser is now known to the account: the account-wide sign-in limit will not lock it out.
  expect((await page.context().cookies()).map((c) => c.name)).toContain("portico-known-device");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});
