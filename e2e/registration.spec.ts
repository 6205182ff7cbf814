import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { storageStateOf, type Role } from "./accounts";

const uid = () => randomUUID().slice(0, 8);

/** A receiving integration module on 127.0.0.1 for the server's welcome call. */
async function integrationModule(opts: { failing?: boolean } = {}) {
  const received: {
    path: string;
    body: { token: string; createdProvider: { refreshToken: string; publicKey: string } };
  }[] = [];
  const state = { failing: opts.failing ?? false };
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(data || "{}") });
      res.writeHead(state.failing ? 500 : 200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** An integration module asks for approval by API and gets the signing token. */
async function requestApproval(request: APIRequestContext, specId: string, port: number) {
  const info = await request.post("/api/providers/requestApproval", {
    data: {
      type: "information",
      specification: {
        id: specId,
        domain: "127.0.0.1",
        https: false,
        port,
        product: { id: "", category: "", provider: "ucloud_core" },
      },
    },
  });
  expect(info.status()).toBe(200);
  return ((await info.json()) as { token: string }).token;
}

const pageAs = async (browser: Browser, role: Role) =>
  (await browser.newContext({ storageState: storageStateOf(role) })).newPage();

test("an integration module asks by API, the sysadmin signs in the browser, an admin approves in the queue, the provider page shows the delivery", async ({
  browser,
  request,
}) => {
  const im = await integrationModule();
  const specId = `e2e-im-${uid()}`;
  const token = await requestApproval(request, specId, im.port);

  const sysadmin = await pageAs(browser, "provider");
  await sysadmin.goto(`/providers/sign/${token}`);
  await expect(sysadmin.getByRole("heading", { name: `Register provider “${specId}”` })).toBeVisible();
  await expect(sysadmin.getByText(`/ucloud/${specId}/integration/welcome`)).toBeVisible();
  await sysadmin.getByRole("button", { name: `Sign as the administrator of ${specId}` }).click();
  await expect(sysadmin.getByText(`You signed the registration of “${specId}”.`)).toBeVisible();
  await sysadmin.goto("/providers/sign/prq_not-a-real-token");
  await expect(sysadmin.getByRole("heading", { name: "Unknown registration link" })).toBeVisible();

  const admin = await pageAs(browser, "admin");
  await admin.goto("/approvals");
  await expect(admin.getByRole("link", { name: /Approval queue/ }).locator("[aria-label$=pending]")).toBeVisible();
  const row = admin.locator(`[data-testid=registration-row][data-spec-id="${specId}"]`);
  await expect(row).toContainText("signed, awaiting approval");
  await row.getByRole("button", { name: `Approve ${specId}` }).click();
  await expect(row).toHaveCount(0); // leaves the "signed" list without a reload
  await admin.goto("/approvals?state=approved");
  await admin
    .locator(`[data-testid=registration-row][data-spec-id="${specId}"]`)
    .getByRole("link", { name: "Provider page" })
    .click();
  await expect(admin.getByRole("heading", { name: specId })).toBeVisible();
  await expect(admin).toHaveURL(new RegExp(`/providers/${specId}\\?tab=registration$`));
  await expect(
    admin.getByRole("navigation", { name: "Provider sections" }).getByRole("link", { name: "Registration" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId("welcome-delivery")).toContainText("delivered", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(admin.getByTestId("welcome-attempt")).toHaveCount(1);
  expect(im.received.map((r) => r.path)).toEqual([`/ucloud/${specId}/integration/welcome`]);
  expect(im.received[0].body.token).toBe(token);
  await expect(admin.getByTestId("public-key")).toHaveText(im.received[0].body.createdProvider.publicKey.trim());
  await im.close();
});

test("an admin re-sends a failing welcome from the Registration tab; a provider admin of another provider gets a 404 there; the old address redirects", async ({
  browser,
  request,
}) => {
  const im = await integrationModule({ failing: true });
  const specId = `e2e-resend-${uid()}`;
  const token = await requestApproval(request, specId, im.port);
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/providers/sign/${token}`);
  await admin.getByRole("button", { name: `Sign as the administrator of ${specId}` }).click();
  await expect(admin.getByText(`You signed the registration of “${specId}”.`)).toBeVisible();
  await admin.goto("/approvals");
  await admin
    .locator(`[data-testid=registration-row][data-spec-id="${specId}"]`)
    .getByRole("button", { name: `Approve ${specId}` })
    .click();

  // the address of the old registered-provider page lands on the tab
  await admin.goto(`/registered-providers/${specId}`);
  await expect(admin).toHaveURL(new RegExp(`/providers/${specId}\\?tab=registration$`));
  const delivery = admin.getByTestId("welcome-delivery");
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId("welcome-attempt").first()).toContainText("HTTP 500", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(delivery).toContainText("pending");
  im.state.failing = false;
  await delivery.getByRole("button", { name: "Retry now" }).click();
  await expect(delivery).toContainText("delivered"); // the action re-renders the tab
  await admin.reload();
  await expect(delivery.getByTestId("welcome-attempts")).toHaveText(/^2 of \d+ attempts$/);
  await expect(delivery.getByRole("button", { name: "Retry now" })).toHaveCount(0);
  await expect(admin.getByTestId("welcome-attempt").first()).toContainText("HTTP 200");
  expect(im.received.length).toBeGreaterThanOrEqual(2);

  // the demo provider admin owns ncc-cloud, not this one: its profile yes, its registration no
  const other = await pageAs(browser, "provider");
  const res = await other.goto(`/providers/${specId}?tab=registration`);
  expect(res?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(other.getByTestId("public-key")).toHaveCount(0);
  await other.goto(`/providers/${specId}`);
  await expect(other.getByRole("heading", { name: specId })).toBeVisible();
  await expect(
    other.getByRole("navigation", { name: "Provider sections" }).getByRole("link", { name: "Registration" }),
  ).toHaveCount(0);
  await other.goto("/providers/ncc-cloud?tab=registration");
  await expect(other.getByTestId("welcome-delivery")).toContainText("delivered");
  await im.close();
});

test("the onboarding wizard from empty to approved: a validation error, a resumed draft, live status, credentials once", async ({
  browser,
}) => {
  const specId = `e2e-wiz-${uid()}`;
  const owner = await pageAs(browser, "provider");
  await owner.goto("/onboarding");
  await owner.getByRole("button", { name: "Start a new onboarding" }).click();
  await expect(owner).toHaveURL(/\/onboarding\/[0-9a-f-]{36}$/);
  const draftUrl = owner.url();

  await owner.getByLabel("Provider id").fill("has spaces");
  await owner.getByLabel("Organisation name").fill("Wizard Compute");
  await owner.getByRole("button", { name: "Next" }).click();
  await expect(owner.getByLabel("Provider id")).toHaveAttribute("aria-invalid", "true");
  await expect(owner.locator("#id-error")).toContainText("a slug, no spaces");
  await expect(owner.getByLabel("Provider id")).toBeFocused();
  await expect(owner.getByLabel("Organisation name")).toHaveValue("Wizard Compute");
  await owner.getByLabel("Provider id").fill(specId);
  await owner.getByRole("button", { name: "Next" }).click();
  await expect(owner.getByRole("listitem").filter({ hasText: "Integration endpoint" })).toHaveAttribute(
    "aria-current",
    "step",
  );
  await owner.getByLabel("Domain").fill("im.wizard.example.org");
  await owner.getByLabel("Port").fill("8443");
  await owner.getByRole("button", { name: "Save draft" }).click();
  await expect(owner.getByText("Draft saved.")).toBeVisible();

  // leave, then resume from the list
  await owner.goto("/onboarding");
  const draft = owner.getByTestId("draft-row").filter({ hasText: specId });
  await expect(draft).toContainText("Integration endpoint");
  await draft.getByRole("link", { name: "Resume" }).click();
  await expect(owner).toHaveURL(draftUrl);
  await expect(owner.getByLabel("Domain")).toHaveValue("im.wizard.example.org");
  await expect(owner.getByLabel("Port")).toHaveValue("8443");
  await owner.getByRole("button", { name: "Next" }).click();
  await expect(owner.getByTestId("review")).toContainText(specId);
  await expect(owner.getByTestId("review")).toContainText("im.wizard.example.org");
  await owner.getByRole("button", { name: "Submit for approval" }).click();
  await expect(owner.getByText("signed, awaiting approval")).toBeVisible();

  const admin = await pageAs(browser, "admin");
  await admin.goto("/approvals");
  await admin
    .locator(`[data-testid=registration-row][data-spec-id="${specId}"]`)
    .getByRole("button", { name: `Approve ${specId}` })
    .click();

  // the owner's page updates by itself
  await expect(owner.getByText(/^Approved by admin/)).toBeVisible({ timeout: 20_000 });
  await owner.getByRole("button", { name: "Show credentials" }).click();
  await expect(owner.getByTestId("refresh-token")).toHaveText(/^prt_/);
  await expect(owner.getByTestId("public-key")).toContainText("BEGIN PUBLIC KEY");
  await owner.reload();
  await owner.getByRole("button", { name: "Show credentials" }).click();
  await expect(owner.getByText("The credentials have already been shown once.")).toBeVisible();
});

test("an admin rejects with a reason the provider sees", async ({ browser, request }) => {
  const specId = `e2e-rej-${uid()}`;
  const info = await request.post("/api/providers/requestApproval", {
    data: {
      type: "information",
      specification: { id: specId, domain: "rejected.example.org", https: true, port: null },
    },
  });
  const { token } = await info.json();
  const admin = await pageAs(browser, "admin");
  await admin.goto("/approvals?state=pending");
  const row = admin.locator(`[data-testid=registration-row][data-spec-id="${specId}"]`);
  await row.getByRole("button", { name: `Reject… ${specId}` }).click();
  await row.getByLabel("Reason (shown to the provider)").fill("Unknown organisation");
  await row.getByRole("button", { name: `Confirm rejection of ${specId}` }).click();
  await expect(row).toHaveCount(0);
  const sysadmin = await pageAs(browser, "provider");
  await sysadmin.goto(`/providers/sign/${token}`);
  await expect(sysadmin.getByText("This request was rejected: Unknown organisation")).toBeVisible();
});
