import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { linkIn, mailsTo, waitForMail } from "./mailbox";

const uid = () => randomUUID().slice(0, 8);

test("a brand-new person signs up, confirms the address from the e-mail, and completes the onboarding wizard", async ({
  page,
}) => {
  const name = `Grace ${uid()}`;
  const email = `grace-${uid()}@example.test`;
  const username = `grace-${uid()}`;
  const password = `correct horse ${uid()} staple`;

  await page.goto("/login");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a link" }).click();
  await expect(page.getByText(/Check your e-mail/)).toBeVisible();

  const mail = await waitForMail(email, /^Finish signing up/);
  await page.goto(linkIn(mail, "/signup/complete"));
  await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  await expect(page.getByLabel("Your name")).toHaveValue(name);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#password-error")).toContainText("At least 10 characters");
  await expect(page.getByLabel("Username")).toHaveValue(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(name);

  // The link worked once.
  await page.goto(linkIn(mail, "/signup/complete"));
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();

  // The new account onboards a provider.
  const specId = `e2e-self-${uid()}`;
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(page).toHaveURL(/\/onboarding\/[0-9a-f-]{36}$/);
  await page.getByLabel("Provider id").fill(specId);
  await page.getByLabel("Organisation name").fill(`Self-service ${specId}`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Domain").fill("im.self.example.org");
  await page.getByLabel("Port").fill("8443");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("review")).toContainText(specId);
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("signed, awaiting approval")).toBeVisible();
});

test("forgot password: the e-mailed link sets a new password once and signs out every other session", async ({
  browser,
  request,
}) => {
  // An account of its own (made through the API the same way), signed in on a first browser.
  const email = `reset-${uid()}@example.test`;
  const username = `reset-${uid()}`;
  const oldPassword = `old horse ${uid()} battery`;
  const newPassword = `new horse ${uid()} battery`;
  expect((await request.post("/api/account/signup", { data: { email, name: "Reset Me" } })).status()).toBe(202);
  const token = new URL(
    linkIn(await waitForMail(email, /^Finish signing up/), "/signup/complete"),
    "http://x",
  ).searchParams.get("token");
  const made = await request.post("/api/account/signup/complete", { data: { token, username, password: oldPassword } });
  expect(made.status()).toBe(201);

  const first = await (await browser.newContext()).newPage();
  await first.goto("/login");
  await first.getByLabel("Email or username").fill(username);
  await first.getByLabel("Password").fill(oldPassword);
  await first.getByRole("button", { name: "Sign in" }).click();
  await expect(first.getByTestId("signed-in-user")).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a reset link" }).click();
  await expect(page.getByText(/Check your e-mail/)).toBeVisible();
  const mail = await waitForMail(email, /^Choose a new Portico password/);
  await page.goto(linkIn(mail, "/reset-password"));
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?password=reset$/);
  await expect(page.getByText(/Your password was changed/)).toBeVisible();
  await waitForMail(email, /^Your Portico password was changed/);

  // The first browser's session has ended; the old password no longer works, the new one does.
  await first.goto("/");
  await expect(first).toHaveURL(/\/login/);
  await page.getByLabel("Email or username").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email, username or password.")).toBeVisible();
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();

  await page.goto(linkIn(mail, "/reset-password"));
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
});

test("the API answers the same for an address with an account and one without; each address's owner is told", async ({
  request,
}) => {
  const nobody = `nobody-${uid()}@example.test`;
  const answers = [];
  for (const email of [ACCOUNTS.member.login, nobody]) {
    const res = await request.post("/api/account/password-reset", { data: { email } });
    answers.push({ status: res.status(), body: await res.json() });
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0].status).toBe(202);
  await waitForMail(nobody, /^Password reset requested/);
  expect((await mailsTo(nobody))[0].text).not.toContain("token=");
  await waitForMail(ACCOUNTS.member.login, /^Choose a new Portico password/);

  const bad = await request.post("/api/account/signup", { data: { email: "nope", name: "" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual([
    "email",
    "name",
  ]);
});
