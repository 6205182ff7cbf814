import { spawnSync } from "node:child_process";
import { test } from "@playwright/test";
import { storageStateOf, type Role } from "./accounts";

// A picture of each main page, as the demo shows it. `UPDATE_SCREENSHOTS=1 npx playwright test
// screenshots` writes them to docs/screenshots/ (linked from the README), made small with pngquant when it
// is installed (`apt-get install pngquant`); otherwise to test-results/.
const dir = process.env.UPDATE_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots";
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const PAGES: { name: string; path: string; role: Role | null }[] = [
  { name: "dashboard", path: "/", role: "admin" },
  { name: "approval-queue", path: "/approvals", role: "admin" },
  { name: "providers", path: "/providers", role: "admin" },
  { name: "provider-registration", path: "/providers/ncc-cloud?tab=registration", role: "admin" },
  { name: "provider-usage", path: "/providers/ncc-hpc?tab=usage", role: "provider" },
  { name: "onboarding-wizard", path: "/onboarding", role: "provider" },
  { name: "offerings", path: "/offerings", role: "provider" },
  { name: "offering-wizard", path: "/offerings/new", role: "provider" },
  { name: "catalogue", path: "/catalogue", role: null },
  {
    name: "usage-report",
    path: `/usage?provider=ncc-hpc&start=${daysAgo(364)}&end=${daysAgo(0)}&group=month&step=3`,
    role: "provider",
  },
  { name: "provider-dashboard", path: "/usage/dashboard", role: "provider" },
  { name: "tenants", path: "/tenants", role: "admin" },
  { name: "users", path: "/users", role: "admin" },
  { name: "audit-log", path: "/audit", role: "admin" },
  { name: "api-docs", path: "/api-docs", role: "member" },
];

for (const p of PAGES) {
  test(`screenshot of ${p.name}`, async ({ browser }) => {
    const ctx = await browser.newContext({
      storageState: p.role ? storageStateOf(p.role) : undefined,
      viewport: { width: 1280, height: 800 },
    });
    const page = await ctx.newPage();
    await page.goto(p.path);
    await page.waitForLoadState("networkidle");
    const file = `${dir}/${p.name}.png`;
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1100 } });
    if (process.env.UPDATE_SCREENSHOTS) spawnSync("pngquant", ["--force", "--ext", ".png", "--quality", "70-95", file]);
    await ctx.close();
  });
}
