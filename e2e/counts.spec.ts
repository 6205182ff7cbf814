import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, type Role } from "./accounts";

// Every count a list shows is the number of things its detail page (or its own pages) lists, for every
// demo person: the tenants' customers, a customer's provider instances, an instance's customers, each
// paged list's "of N" against the rows its pages hold, the tabs of the approval queue, and the
// dashboard's numbers against the lists they link to.

const num = (s: string | null) => {
  const m = /(\d[\d,]*)/.exec(s ?? "");
  if (!m) throw new Error(`no number in ${JSON.stringify(s)}`);
  return Number(m[1].replaceAll(",", ""));
};

/** The number in a card's heading, e.g. "Customers (2)". */
const headingCount = async (page: Page, name: RegExp) =>
  num(await page.getByRole("heading", { name }).first().textContent());

/** A paged list: the "of N" its pager says, and the rows its pages hold when followed with Next. */
async function walkPages(page: Page, url: string, rows: string, maxPages = 30) {
  await page.goto(url);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const total = num(/of (\d[\d,]*)/.exec((await pager.textContent()) ?? "")?.[1] ?? null);
  let seen = 0;
  for (let i = 0; i < maxPages; i++) {
    seen += await page.locator(rows).count();
    const next = pager.getByRole("link", { name: "Next" });
    if (!(await next.count())) return { total, seen, complete: true };
    // Wait for this very page: from page 2 on, a pattern like /page=\d+/ already matches the page we
    // leave, and counting mid-navigation ends the walk early.
    const target = new URL((await next.getAttribute("href"))!, page.url()).href;
    await next.click();
    await page.waitForURL(target);
    await expect(pager).toBeVisible();
  }
  return { total, seen, complete: false };
}

/** The cells of one column of a table, by header text, with the first link of each row. */
async function column(page: Page, table: string | RegExp, header: string) {
  const t = page.getByRole("table", { name: table });
  const headers = await t.locator("thead th").allTextContents();
  const i = headers.findIndex((h) => h.trim().startsWith(header));
  expect(i, `column ${header} in ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  const out: { value: number; href: string | null }[] = [];
  for (const row of await t.locator("tbody tr").all()) {
    const cells = row.locator("td, th");
    out.push({
      value: num(await cells.nth(i).textContent()),
      href: await row
        .locator("a[href]")
        .first()
        .getAttribute("href")
        .catch(() => null),
    });
  }
  return out;
}

const PAGED: Record<Role, { url: string; rows: string }[]> = {
  admin: [
    { url: "/providers", rows: "[data-testid=provider-row]" },
    { url: "/providers?source=registration", rows: "[data-testid=provider-row]" },
    { url: "/offerings", rows: "[data-testid=offering-row]" },
    { url: "/offerings?state=Draft", rows: "[data-testid=offering-row]" },
    { url: "/users", rows: "tbody tr[data-testid^=user-row-]" },
    { url: "/catalogue", rows: "[data-testid=catalogue-card]" },
  ],
  support: [
    { url: "/providers", rows: "[data-testid=provider-row]" },
    { url: "/offerings", rows: "[data-testid=offering-row]" },
    { url: "/users?kind=service", rows: "tbody tr[data-testid^=user-row-]" },
  ],
  provider: [
    { url: "/providers?mine=1", rows: "[data-testid=provider-row]" },
    { url: "/offerings", rows: "[data-testid=offering-row]" },
    { url: "/offerings?state=Draft", rows: "[data-testid=offering-row]" },
    { url: "/offerings?state=Active", rows: "[data-testid=offering-row]" },
  ],
  member: [
    { url: "/offerings", rows: "[data-testid=offering-row]" },
    { url: "/providers?mine=1", rows: "[data-testid=provider-row]" },
  ],
};

for (const role of ["admin", "support", "provider", "member"] as Role[]) {
  test.describe(`counts as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("each paged list's total is the rows its pages hold", async ({ page }) => {
      test.setTimeout(180_000);
      for (const { url, rows } of PAGED[role]) {
        const r = await walkPages(page, url, rows);
        expect(r.complete, `${url} has fewer than 30 pages`).toBe(true);
        expect(r.seen, `${url}: rows on its pages vs its "of N"`).toBe(r.total);
      }
    });

    test("each tenant's, customer's and instance's count is what its page lists", async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto("/tenants");
      const tenants = await column(page, "Tenants you have a role in", "Customers");
      for (const t of tenants) {
        await page.goto(t.href!);
        expect(await headingCount(page, /^Customers \(\d+\)$/), `customers of ${t.href}`).toBe(t.value);
        const customers = await column(page, /^Customers of /, "Provider instances");
        const instances = (await page.getByRole("table", { name: /^Provider instances of / }).count())
          ? await page
              .getByRole("table", { name: /Provider instances/ })
              .locator("tbody tr")
              .evaluateAll((trs) =>
                trs.map((tr) => ({
                  name: tr.querySelector("td, th")?.textContent?.trim() ?? "",
                  customers: Number(tr.lastElementChild?.textContent?.trim()),
                })),
              )
          : [];
        const customersOfInstance = new Map<string, number>();
        for (const c of customers) {
          await page.goto(c.href!);
          expect(await headingCount(page, /^Provider instances \(\d+\)$/), `instances of ${c.href}`).toBe(c.value);
          for (const name of await page.locator("article[data-testid^=customer-instance-] h3").allTextContents())
            customersOfInstance.set(name.trim(), (customersOfInstance.get(name.trim()) ?? 0) + 1);
        }
        for (const i of instances)
          expect(customersOfInstance.get(i.name) ?? 0, `customers of instance ${i.name} in ${t.href}`).toBe(
            i.customers,
          );
      }
    });

    test("the dashboard's numbers are the lists they link to", async ({ page }) => {
      await page.goto("/");
      const links = await page
        .locator("main a[href]")
        .evaluateAll((as) =>
          as.map((a) => ({ href: (a as HTMLAnchorElement).getAttribute("href")!, text: a.textContent ?? "" })),
        );
      for (const { href, text } of links) {
        const m = /(\d+)\s*$/.exec(text.trim());
        if (!m) continue;
        const n = Number(m[1]);
        if (href.startsWith("/users") || href.startsWith("/offerings") || href.startsWith("/providers?")) {
          await page.goto(href);
          const pager = page.getByRole("navigation", { name: "Pagination" });
          expect(num(/of (\d+)/.exec((await pager.textContent()) ?? "")?.[1] ?? null), `${text} → ${href}`).toBe(n);
        } else if (href === "/approvals") {
          await page.goto(href);
          expect(num(await page.getByTestId("count-signed").textContent()), `${text} → ${href}`).toBe(n);
        }
      }
    });
  });
}
