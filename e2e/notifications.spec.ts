import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";

const uid = () => randomUUID().slice(0, 8);

test("an admin hears of a new registration request: the bell counts it, the inbox links to the queue, read and unread", async ({
  browser,
  request,
}) => {
  const specId = `e2e-notify-${uid()}`;
  const asked = await request.post("/api/providers/requestApproval", {
    data: {
      type: "information",
      specification: {
        id: specId,
        domain: "notify.example.org",
        https: true,
        port: null,
        product: { id: "", category: "", provider: "ucloud_core" },
      },
    },
    headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200)}` },
  });
  expect(asked.status()).toBe(200);

  const page = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await page.goto("/");
  const bell = page.getByTestId("notification-bell");
  const countOf = async () => Number((await bell.getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1] ?? 0);
  const before = await countOf();
  expect(before).toBeGreaterThan(0);
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();

  const item = page.getByTestId("notification").filter({ hasText: specId });
  await expect(item).toHaveAttribute("data-read", "false");
  // The e2e server mails through scripts/e2e-mail-sink.ts: the mail is on its way or gone.
  await expect(item.getByText(/^e-mail(ed| pending)$/)).toBeVisible();
  await expect(item.getByRole("link", { name: `New provider registration request: ${specId}` })).toHaveAttribute(
    "href",
    "/approvals",
  );

  await item.getByRole("button", { name: /^Mark read/ }).click();
  await expect(item).toHaveAttribute("data-read", "true");
  await expect.poll(countOf).toBe(before - 1);

  await page.getByRole("link", { name: /^Unread/ }).click();
  await expect(page).toHaveURL(/unread=true/);
  await expect(page.getByTestId("notification").filter({ hasText: specId })).toHaveCount(0);

  await page.goto("/notifications");
  await page
    .getByTestId("notification")
    .filter({ hasText: specId })
    .getByRole("button", { name: /^Mark unread/ })
    .click();
  await expect.poll(countOf).toBe(before);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect.poll(countOf).toBe(0);
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
});

test("a person turns e-mail off for one kind on the profile; the API shows the same choice", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("member") });
  const page = await context.newPage();
  await page.goto("/profile");
  const box = page.getByRole("checkbox", { name: "E-mail: Your provider registration was rejected" });
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(box).not.toBeChecked();

  const api = await context.request.get("/api/me/notification-preferences");
  expect(api.status()).toBe(200);
  const kinds = ((await api.json()) as { kinds: { kind: string; email: boolean }[] }).kinds;
  expect(kinds.find((k) => k.kind === "registration.rejected")?.email).toBe(false);
  expect(kinds.find((k) => k.kind === "registration.approved")?.email).toBe(true);

  await box.check();
  await page.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
});
