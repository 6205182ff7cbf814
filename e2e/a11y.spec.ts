import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, type Role } from "./accounts";

// axe-core on every page a role can reach from the sidebar, plus one detail page behind each list
// and every tab of the provider page (the demo provider admin owns ncc-cloud and ncc-hpc).
// The bar: no serious or critical violation (WCAG 2.1 A/AA rules).
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

async function pagesOf(page: Page): Promise<string[]> {
  await page.goto("/");
  const nav = await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  const pages = new Set(nav);
  for (const href of nav.filter((h) => h !== "/")) {
    await page.goto(href);
    const detail = await page
      .locator("main a[href]")
      .evaluateAll(
        (as, base) =>
          as.map((a) => (a as HTMLAnchorElement).pathname).find((p) => p.startsWith(base + "/") && !p.endsWith("/new")),
        href,
      );
    if (detail) pages.add(detail);
  }
  return [...new Set([...pages, ...PROVIDER_TABS])];
}

const PROVIDER_TABS = [
  "/providers/ncc-cloud",
  "/providers/ncc-cloud?tab=registration",
  "/providers/ncc-hpc?tab=offerings",
  "/providers/ncc-hpc?tab=usage",
];

for (const role of ["admin", "provider"] as Role[]) {
  test(`every page ${role} reaches has no serious accessibility violation`, async ({ browser }) => {
    test.setTimeout(300_000); // ~25 pages, axe on each: over 3 minutes on a busy 2-core machine
    const ctx = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await ctx.newPage();
    const report: Record<string, string[]> = {};
    for (const path of await pagesOf(page)) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const v = await seriousViolations(page);
      if (v.length) report[path] = v;
    }
    await ctx.close();
    expect(report).toEqual({});
  });
}

test("the public pages have no serious accessibility violation", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const report: Record<string, string[]> = {};
  for (const path of ["/login", "/catalogue"]) {
    const res = await page.goto(path);
    if (!res || res.status() >= 400) continue;
    const v = await seriousViolations(page);
    if (v.length) report[path] = v;
  }
  await ctx.close();
  expect(report).toEqual({});
});
