import { expect, test } from "@playwright/test";
import { storageStateOf, type Role } from "./accounts";

// Each demo person's first screen answers "what should I do now?" with their own data; the API gives the same home.
const HOMES: { role: Role; kind: string; sections: string[]; absent: string[] }[] = [
  {
    role: "provider",
    kind: "provider",
    sections: [
      "What to do next",
      "Your providers",
      "Offerings by state",
      "Usage this month",
      "Wizards",
      "Your API tokens",
    ],
    absent: ["Approval queue", "Newest providers"],
  },
  {
    role: "admin",
    kind: "federation",
    sections: [
      "What to do next",
      "Approval queue",
      "Needs attention",
      "Newest providers",
      "Federation-wide usage this month",
    ],
    absent: ["Your providers", "Your projects"],
  },
  {
    role: "support",
    kind: "support",
    sections: [
      "What to do next",
      "Registrations waiting for an admin",
      "Newest providers",
      "Federation-wide usage this month",
    ],
    absent: ["Approval queue", "Your providers", "Wizards"],
  },
  {
    role: "member",
    kind: "member",
    sections: ["What to do next", "Your projects", "Your API tokens"],
    absent: ["Your providers", "Offerings by state", "Approval queue"],
  },
];

for (const h of HOMES)
  test(`the ${h.role}'s home: ${h.sections.slice(1, 3).join(", ")}`, async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateOf(h.role) });
    const page = await ctx.newPage();
    await page.goto("/");
    for (const s of h.sections) await expect(page.getByRole("heading", { name: s, exact: true })).toBeVisible();
    for (const s of h.absent) await expect(page.getByRole("heading", { name: s, exact: true })).toHaveCount(0);
    const api = await page.request.get("/api/me/home");
    expect(api.status()).toBe(200);
    const home = await api.json();
    expect(home.kind).toBe(h.kind);

    if (h.role === "provider") {
      // their provider with its registration and welcome state, this month's usage against the capacity period
      const row = page.getByTestId("home-providers").getByRole("row", { name: /Nordic Compute Centre HPC/ });
      await expect(row).toBeVisible();
      await expect(row.getByRole("link", { name: "Nordic Compute Centre HPC" })).toHaveAttribute(
        "href",
        "/providers/ncc-hpc",
      );
      const cpu = page.getByTestId("home-usage").getByRole("listitem").filter({ hasText: "cpu_time" });
      const m = home.usage.find((u: { metricName: string }) => u.metricName === "cpu_time");
      await expect(cpu).toContainText(
        `${m.month.toLocaleString("en-US", { maximumFractionDigits: 1 })} core hours this month`,
      );
      await expect(cpu).toContainText(`${m.usagePercentage} %`);
      await expect(cpu.getByRole("img", { name: /cpu_time per day this month/ })).toBeVisible();
      const drafts = home.offerings.find((o: { state: string }) => o.state === "Draft").count;
      if (drafts > 0)
        await expect(page.getByTestId("home-offerings").getByRole("link", { name: "Activate a draft" })).toBeVisible();
    }
    if (h.role === "admin") {
      await expect(page.getByRole("link", { name: "Open the queue" })).toHaveAttribute("href", "/approvals");
      await expect(page.getByTestId("home-providers").getByRole("row")).toHaveCount(home.providers.length + 1);
    }
    if (h.role === "support") await expect(page.getByRole("link", { name: "See the queue" })).toBeVisible();
    if (h.role === "member")
      await expect(page.getByRole("link", { name: "Browse the catalogue" }).first()).toBeVisible();
    // every next step is a link to where it is done
    for (const s of home.nextSteps)
      await expect(page.getByTestId("next-steps").getByRole("link", { name: s.label })).toHaveAttribute("href", s.href);
    await ctx.close();
  });
