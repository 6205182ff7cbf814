import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_TOKEN, storageStateOf } from "./accounts";

// Every wizard of the portal completed with the keyboard alone: Tab/Shift+Tab, Enter, Space, arrow keys and typing.
// No click(), fill() or focus() on a control: if a step cannot be reached or operated from the keyboard, these fail.
// They also check where focus goes: onto the new step's heading after a step change, onto the invalid field
// (aria-invalid, aria-describedby → its message) after a validation error, and that it is visibly drawn.

test.use({ storageState: storageStateOf("provider"), locale: "en-US" });

const uid = () => randomUUID().slice(0, 8);
type Target = string | RegExp | { role: string; name?: string | RegExp };

/** The focused element as the accessibility tree names it, e.g. `textbox "Provider id"`; `<body>` when focus is lost. */
async function focusedElement(page: Page): Promise<{ role: string; name: string; label: string }> {
  // mark it: `:focus` does not match a date input whose month part has focus
  const onBody = await page.evaluate(() => {
    document.querySelector("[data-kb-focused]")?.removeAttribute("data-kb-focused");
    document.activeElement?.setAttribute("data-kb-focused", "");
    return !document.activeElement || document.activeElement === document.body;
  });
  if (onBody) return { role: "", name: "", label: "<body>" };
  let line = (await page.locator("[data-kb-focused]").ariaSnapshot({ timeout: 2_000 }))
    .split("\n")[0]
    .replace(/^- /, "");
  if (line.startsWith("'")) line = /^'((?:[^']|'')*)'/.exec(line)![1].replaceAll("''", "'"); // YAML-quoted when the name holds ": "
  const m = /^([\w-]+)(?: ("(?:[^"\\]|\\.)*"))?/.exec(line);
  return { role: m?.[1] ?? "", name: m?.[2] ? JSON.parse(m[2]) : "", label: line || "(not in the accessibility tree)" };
}

const matches = (f: { role: string; name: string }, t: Target) => {
  const [role, name] = typeof t === "object" && !(t instanceof RegExp) ? [t.role, t.name] : [undefined, t];
  if (role && f.role !== role) return false;
  return name === undefined || (typeof name === "string" ? f.name === name : name.test(f.name));
};

/** Focus is drawn: the element matches :focus-visible and has an outline. */
async function expectFocusVisible(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return {
      visible: el.matches(":focus-visible"),
      outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
    };
  });
  expect(style, "the focused control shows a focus ring").toEqual({ visible: true, outline: true });
}

/** Presses Tab (or Shift+Tab) until the focused element matches — proof that it is reachable — and checks its ring. */
async function tabTo(page: Page, target: Target, { back = false, max = 80 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focusedElement(page);
    if (matches(f, target)) {
      await expectFocusVisible(page);
      return;
    }
    seen.push(f.label);
  }
  throw new Error(
    `${back ? "Shift+Tab" : "Tab"} never reached ${String(typeof target === "object" && !(target instanceof RegExp) ? `${target.role} ${target.name ?? ""}` : target)} in ${max} presses; focus went through:\n  ${seen.join("\n  ")}`,
  );
}

/** Types into the focused field, replacing what it held. */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/** Picks an option of the focused <select> with the arrow keys (Home, then Down until the option text matches). */
async function chooseOption(page: Page, option: string | RegExp) {
  const selected = () =>
    page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
  await page.keyboard.press("Home");
  for (let i = 0; i < 40; i++) {
    const text = await selected();
    if (typeof option === "string" ? text === option : option.test(text)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option ${String(option)} in the focused select`);
}

/** A validation error: focus is on the field, which is marked invalid and described by its message. */
async function expectInvalidAndFocused(page: Page, field: ReturnType<Page["getByLabel"]>, message: string | RegExp) {
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = await field.getAttribute("aria-describedby");
  expect(describedBy, "the invalid field points to its message").toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText(message);
  await expect(field).toHaveAccessibleDescription(message);
}

const stepHeading = (page: Page, name: string | RegExp) => page.getByRole("heading", { name, level: 2 });

/** After an action that re-renders the step (saving a draft), focus is still somewhere in the wizard, not on <body>. */
async function expectFocusKept(page: Page, allowed: RegExp) {
  await expect.poll(async () => (await focusedElement(page)).label).toMatch(allowed);
}

test("the onboarding wizard: start, a validation error, back once, submit — the registration request exists", async ({
  page,
  request,
}) => {
  const specId = `kb-${uid()}`;
  await page.goto("/onboarding");
  await tabTo(page, "Start a new onboarding");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/onboarding\/[0-9a-f-]{36}$/);
  const draftId = page.url().split("/").pop()!;

  await tabTo(page, "Provider id");
  await page.keyboard.type("has spaces");
  await tabTo(page, "Organisation name");
  await page.keyboard.type("Keyboard Compute");
  await tabTo(page, "Website");
  await page.keyboard.type("https://keyboard.example.org");
  await tabTo(page, "Abbreviation");
  await page.keyboard.type("KC");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await expectInvalidAndFocused(page, page.getByLabel("Provider id"), /slug/);
  await expect(page.getByLabel("Organisation name")).toHaveValue("Keyboard Compute");

  await typeOver(page, specId);
  await page.keyboard.press("Enter"); // Enter in a field means Next, not Back
  await expect(stepHeading(page, "Integration endpoint")).toBeFocused();
  await tabTo(page, "Domain");
  await page.keyboard.type("im.keyboard.example.org");
  await tabTo(page, "The integration module uses HTTPS");
  await page.keyboard.press("Space");
  await expect(page.getByLabel("The integration module uses HTTPS")).not.toBeChecked();
  await tabTo(page, "Port");
  await page.keyboard.type("8443");
  await tabTo(page, "Save draft");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expectFocusKept(page, /^(button "Save draft"|heading "Integration endpoint")/);

  // back once: the first step shows what was typed; forward again: so does this one
  await tabTo(page, "Back");
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Organisation")).toBeFocused();
  await expect(page.getByLabel("Provider id")).toHaveValue(specId);
  await expect(page.getByLabel("Website")).toHaveValue("https://keyboard.example.org");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Integration endpoint")).toBeFocused();
  await expect(page.getByLabel("Domain")).toHaveValue("im.keyboard.example.org");
  await expect(page.getByLabel("The integration module uses HTTPS")).not.toBeChecked();
  await expect(page.getByLabel("Port")).toHaveValue("8443");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Review")).toBeFocused();
  await expect(page.getByTestId("review")).toContainText(specId);
  await expect(page.getByTestId("review")).toContainText("im.keyboard.example.org");
  const polled = page.waitForResponse((r) => /\/api\/registrations\/[0-9a-f-]{36}$/.test(r.url()));
  await tabTo(page, "Submit for approval");
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Approval")).toBeFocused();
  await expect(page.getByText("signed, awaiting approval")).toBeVisible();

  const registrationId = (await polled).url().split("/").pop()!;
  const res = await request.get(`/api/registrations/${registrationId}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({
    specId,
    name: "Keyboard Compute",
    domain: "im.keyboard.example.org",
    https: false,
    port: 8443,
    origin: "wizard",
    state: "signed",
  });
  await page.goto("/onboarding");
  await expect(
    page
      .getByTestId("draft-row")
      .filter({ has: page.locator(`a[href="/onboarding/${draftId}"]`) })
      .first(),
  ).toContainText("submitted");
});

test("the offering wizard: five steps, rows added, two validation errors, back once, created and activated — the offering exists", async ({
  page,
}) => {
  const name = `Keyboard Cluster ${uid()}`;
  await page.goto("/offerings/new");

  await tabTo(page, "Name");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await expectInvalidAndFocused(page, page.getByLabel("Name", { exact: true }), "Give the offering a name.");
  await page.keyboard.type(name);
  await tabTo(page, "Organisation (customer)");
  if ((await page.getByLabel("Organisation (customer)").inputValue()) === "")
    await chooseOption(page, /^(?!— choose —).+/);
  await tabTo(page, "Category");
  await chooseOption(page, "HPC");
  await tabTo(page, "Description");
  await page.keyboard.type("Created with the keyboard alone.");
  await tabTo(page, "Shared: every organisation may order it");
  await page.keyboard.press("Space");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Components")).toBeFocused();
  await tabTo(page, "Add component");
  await page.keyboard.press("Enter");
  const second = page.getByRole("group", { name: "Component 2" });
  await expect(second.getByLabel("Type (key)")).toBeFocused();
  await page.keyboard.type("gpu_hours");
  await tabTo(page, "Name");
  await page.keyboard.type("GPU hours");
  await tabTo(page, "Unit");
  await page.keyboard.type("GPU-hours");
  await tabTo(page, "Save draft");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expectFocusKept(page, /^(button "Save draft"|heading "Components")/);
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Plans")).toBeFocused();
  await tabTo(page, "Price of CPU hours in Default");
  await page.keyboard.type("lots");
  await tabTo(page, "Price of GPU hours in Default");
  await page.keyboard.type("1.25");
  await tabTo(page, "Quota of GPU hours in Default");
  await page.keyboard.type("100");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  const price = page.getByLabel("Price of CPU hours in Default");
  await expect(price).toBeFocused();
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`[id="${await price.getAttribute("aria-describedby")}"]`)).not.toBeEmpty();
  await typeOver(page, "0.05");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Integration")).toBeFocused();
  await tabTo(page, /^Initial UID number/);
  await page.keyboard.type("5000");
  await tabTo(page, "Supports pausing");
  await page.keyboard.press("Space");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  // back once from the review: the integration step still holds its values
  await expect(stepHeading(page, "Review")).toBeFocused();
  await tabTo(page, "Back");
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Integration")).toBeFocused();
  await expect(page.getByLabel(/^Initial UID number/)).toHaveValue("5000");
  await expect(page.getByLabel("Supports pausing")).toBeChecked();
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Review")).toBeFocused();
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByText("initial_uidnumber: 5000")).toBeVisible();
  await tabTo(page, "Create as Draft");
  await page.keyboard.press("Enter");
  const outcome = page.getByText("Offering created as Draft.");
  await expect(outcome).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Offering created as Draft.");
  const uuid = (await page.getByRole("link", { name: "Open offering" }).getAttribute("href"))!.split("/").pop()!;

  const res = await page.request.get(`/api/marketplace-provider-offerings/${uuid}/`);
  expect(res.status()).toBe(200);
  const offering = await res.json();
  expect(offering).toMatchObject({
    name,
    state: "Draft",
    shared: false,
    category_title: "HPC",
    description: "Created with the keyboard alone.",
    plugin_options: { initial_uidnumber: 5000, supports_pausing: true },
  });
  expect(offering.components.map((c: { type: string }) => c.type).sort()).toEqual(["cpu_hours", "gpu_hours"]);
  expect(offering.plans).toHaveLength(1);
  expect(offering.plans[0]).toMatchObject({
    name: "Default",
    prices: { cpu_hours: 0.05, gpu_hours: 1.25 },
    quotas: { gpu_hours: 100 },
  });

  await tabTo(page, "Activate now");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/offerings/${uuid}$`));
  expect((await (await page.request.get(`/api/marketplace-provider-offerings/${uuid}/`)).json()).state).toBe("Active");
});

test("the usage report wizard: provider, dates, grouping, back once, the report — chart series and CSV by keyboard", async ({
  page,
}) => {
  const day = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
  const typed = (iso: string) => `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(0, 4)}`; // en-US date fields: mm dd yyyy
  const start = day(364 * 86_400_000);
  const end = day(0);
  await page.goto("/usage");

  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await expectInvalidAndFocused(page, page.getByLabel("Provider", { exact: true }), "Choose a provider.");
  await chooseOption(page, /\(ncc-hpc\)$/);
  await tabTo(page, "Project (optional)");
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Date range")).toBeFocused();
  await tabTo(page, "Start date");
  await page.keyboard.type(typed(start));
  await tabTo(page, "End date (inclusive)");
  await page.keyboard.type(typed(day(400 * 86_400_000)));
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await expectInvalidAndFocused(page, page.getByLabel("End date (inclusive)"), "The end must not be before the start.");
  await page.keyboard.type(typed(end)); // focus is on the field's first part (the month): the whole date is typed over
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, "Grouping")).toBeFocused();
  await tabTo(page, { role: "radio" });
  await expect(page.getByRole("radio", { name: "month" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "quarter" })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "month" })).toBeChecked();

  // back once: the dates are kept
  await tabTo(page, "Back");
  await page.keyboard.press("Enter");
  await expect(stepHeading(page, "Date range")).toBeFocused();
  await expect(page.getByLabel("Start date")).toHaveValue(start);
  await expect(page.getByLabel("End date (inclusive)")).toHaveValue(end);
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { name: "month" })).toBeChecked();
  await tabTo(page, "Show report");
  await page.keyboard.press("Enter");

  await expect(stepHeading(page, /Nordic Compute Centre HPC/)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`provider=ncc-hpc.*start=${start}.*end=${end}.*group=month.*step=3`));
  const rows = page.getByTestId("usage-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(12);
  const chart = page.getByTestId("usage-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();

  // the chart itself: arrow keys walk its periods and show the tooltip
  await tabTo(page, { role: "application" });
  await page.keyboard.press("ArrowRight");
  await expect(chart.getByTestId("usage-bars").locator(".recharts-tooltip-wrapper")).toContainText("Total:");

  // series toggles are buttons: Space hides the capacity line and shows it again
  const capacity = chart.getByRole("button", { name: "Capacity", exact: true });
  await tabTo(page, "Capacity");
  await expect(capacity).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Space");
  await expect(capacity).toHaveAttribute("aria-pressed", "false");
  await expect(chart.locator('path[stroke-dasharray="6 4"]')).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(chart.locator('path[stroke-dasharray="6 4"]')).toHaveCount(1);

  // the numbers leave by keyboard too: the CSV has one line per table row
  await tabTo(page, "Export CSV", { back: true });
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const csv = fs
    .readFileSync((await (await download).path())!, "utf8")
    .trim()
    .split(/\r?\n/);
  expect(csv.length - 1).toBe(await rows.count());
});
