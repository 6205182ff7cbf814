import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { ADMIN_TOKEN, storageStateOf } from "./accounts";

// The demo seed gives provider@portico.local the provider "ncc-hpc" with three installations and a year of usage.
test.describe("usage as a provider admin", () => {
  test.use({ storageState: storageStateOf("provider") });

  async function cpuMetricId(request: import("@playwright/test").APIRequestContext): Promise<string> {
    const res = await request.get("/accounting-system/metric-definitions?size=100", {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const body = await res.json();
    return body.content.find((m: { metric_name: string }) => m.metric_name === "cpu_time").metric_definition_id;
  }

  test("uploads a CSV with a progress bar, then a repeat counts as duplicates and a bad file writes nothing", async ({
    page,
    request,
    context,
  }) => {
    const metric = await cpuMetricId(request);
    const base = Date.UTC(2019, 0, 1) + Math.floor(Math.random() * 1e6) * 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
    const lines = Array.from(
      { length: 4000 },
      (_, k) => `${metric},${iso(base + k * 3_600_000)},${iso(base + (k + 1) * 3_600_000)},1.5,e2e-user`,
    );
    const csv = `metric_definition_id,time_period_start,time_period_end,value,user_id\n${lines.join("\n")}\n`;

    await page.goto("/usage/upload");
    await page
      .getByLabel("Installation")
      .selectOption({ label: "Nordic Compute Centre HPC · NCC-HPC-1 · project 101017567" });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 64 * 1024,
    });
    await page
      .getByLabel(/Drop a CSV or NDJSON file/)
      .setInputFiles({ name: "usage.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expect(page.getByTestId("upload-result")).toHaveText(/Stored 4000 new records; 0 duplicates skipped/, {
      timeout: 30_000,
    });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByTestId("upload-result")).toHaveText(/Stored 0 new records; 4000 duplicates skipped/);

    const bad = csv.replaceAll(",e2e-user", ",e2e-user-2").replace(",1.5,e2e-user-2\n", ",lots,e2e-user-2\n");
    await page
      .getByLabel(/Drop a CSV or NDJSON file/)
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.locator('[data-notice="error"]')).toContainText("nothing was stored");
    await expect(page.getByTestId("upload-errors")).toContainText("Row 1, value");
  });

  test("builds a report in the wizard: chart with capacity line, table, CSV export equal to the table", async ({
    page,
  }) => {
    await page.goto("/usage");
    await page.getByLabel("Provider").selectOption("ncc-hpc");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Last 12 months" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("month").check();
    await page.getByRole("button", { name: "Show report" }).click();
    await expect(page).toHaveURL(/provider=ncc-hpc.*group=month.*step=3/);

    const chart = page.getByTestId("usage-chart");
    await expect(chart.getByRole("application")).toBeVisible();
    await expect(chart.getByRole("button", { name: "Capacity", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(chart.locator('path[stroke-dasharray="6 4"]')).toHaveCount(1);
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const rows = page.getByTestId("usage-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(12);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const [header, ...csvRows] = fs.readFileSync(file!, "utf8").trim().split(/\r?\n/);
    expect(header.split(",").slice(0, 3)).toEqual(["period", "from", "to"]);
    expect(csvRows).toHaveLength(await rows.count());
    const totalIdx = header.split(",").indexOf("total");
    for (let i = 0; i < csvRows.length; i++) {
      const cells = csvRows[i].split(",");
      // a period the range cuts or that is not over (the CSV's partial column) says so in the table
      await expect(rows.nth(i).locator("th")).toHaveText(cells[0] + (cells[3] === "true" ? "(so far)" : ""));
      const shown = (await rows
        .nth(i)
        .locator("td")
        .nth(totalIdx - 4)
        .textContent())!.replace(/,/g, "");
      expect(Number(shown)).toBeCloseTo(Number(cells[totalIdx]), 1);
    }

    // the address is the report: reloading it shows the same report straight away
    await page.reload();
    await expect(page.getByTestId("usage-row")).toHaveCount(csvRows.length);
  });
  test("the dashboard's charts mean what they say: no capacity on daily bars, round ticks, today marked so far", async ({
    page,
  }) => {
    await page.goto("/usage/dashboard?provider=ncc-hpc");
    const daily = page.getByTestId("usage-chart").first();
    const bars = daily.getByTestId("usage-bars");
    await expect(bars.locator(".recharts-bar-rectangle").first()).toBeVisible();
    // the period's capacity is not drawn over daily bars: it lives in the capacity panel, against the period so far
    await expect(bars.locator('[stroke-dasharray="6 4"]')).toHaveCount(0);
    const budget = daily.getByTestId("capacity-to-date");
    await expect(budget.locator('path[stroke-dasharray="6 4"]')).toHaveCount(1);

    // round steps on both panels: 1, 2, 2.5 or 5 × 10^n
    for (const panel of [bars, budget]) {
      const ticks = (
        await panel.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()
      ).map((t) => Number(t.replace(/,/g, "")));
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      const step = ticks[1] - ticks[0];
      expect([1, 2, 2.5, 5]).toContain(Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6)));
      ticks.forEach((t, k) => expect(t).toBeCloseTo(k * step, 6));
    }

    // today is not over: its tick says "so far"
    await expect(bars.locator(".recharts-xAxis-tick-labels text").filter({ hasText: "so far" })).toHaveCount(1);
    // cpu_time by month (charts run daily cpu, daily storage, monthly cpu, …): whole months are solid, the running month (usage up to yesterday) is hatched and says "so far"
    const monthly = page.getByTestId("usage-chart").nth(2).getByTestId("usage-bars");
    const firstSeries = monthly.locator(".recharts-bar-rectangles").first().locator(".recharts-bar-rectangle path");
    const n = await firstSeries.count();
    expect(n).toBeGreaterThanOrEqual(12);
    for (let k = 1; k < n - 1; k++) await expect(firstSeries.nth(k)).not.toHaveAttribute("fill", /^url/);
    if (new Date().getUTCDate() > 1) await expect(firstSeries.last()).toHaveAttribute("fill", /^url\(#hatch-/);
    expect(
      await monthly.locator(".recharts-xAxis-tick-labels text").filter({ hasText: "so far" }).count(),
    ).toBeGreaterThanOrEqual(1);

    // the tooltip gives exact values with units, and the period's use of its capacity
    await monthly.locator(".recharts-bar-rectangle").last().hover();
    const tip = monthly.locator(".recharts-tooltip-wrapper");
    await expect(tip).toContainText("(so far)");
    await expect(tip).toContainText(/Used in the capacity period so far: [\d,.]+ core hours/);
    await expect(tip).toContainText(/Capacity for the period: [\d,.]+ core hours/);
  });
});

test.describe("accounting setup as admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("defines a metric and registers a project from the forms; a bad capacity shows its error beside the field", async ({
    page,
  }) => {
    const suffix = Math.random().toString(36).slice(2, 8);
    await page.goto("/usage/manage");
    await page.getByText("Define a metric").click();
    await page.getByLabel("Name", { exact: true }).fill(`gpu_time_${suffix}`);
    // Unit and type come from ARGO's registries.
    await page.getByLabel("Unit", { exact: true }).selectOption("core hours");
    await page.getByLabel("Type", { exact: true }).selectOption("aggregated");
    await page.getByRole("button", { name: "Create metric definition" }).click();
    await expect(page.getByText(`Metric definition gpu_time_${suffix} created`)).toBeVisible();
    await expect(page.getByText(`gpu_time_${suffix}`, { exact: true })).toBeVisible();

    await page.getByText("Register a project").click();
    await page.getByLabel("Project id (grant number)").fill(`e2e-${suffix}`);
    await page.getByLabel("Acronym", { exact: true }).fill("E2E");
    await page.getByRole("button", { name: "Register project" }).click();
    await expect(page.getByText(`Project e2e-${suffix} registered.`)).toBeVisible();

    await page.getByLabel("Installation", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Metric", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Capacity", { exact: true }).fill("-5");
    await page.getByLabel("Valid from (UTC day)").fill("2025-01-01");
    await page.getByRole("button", { name: "Register capacity" }).click();
    await expect(page.getByText("Must not be negative.", { exact: true })).toBeVisible();
  });
});
