import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, formatNumber } from "./data-table";

type Row = { id: string; name: string; count: number | null; share: number };
const rows: Row[] = [
  { id: "a", name: "Alpha", count: 1234.5, share: 0.25 },
  { id: "b", name: "Beta", count: null, share: 1 },
];

describe("DataTable", () => {
  it("renders a caption, column headers with scope, and numeric cells right-aligned and formatted", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Things"
        rows={rows}
        rowProps={(r) => ({ "data-testid": `row-${r.name}` })}
        columns={[
          { id: "name", header: "Name", rowHeader: true, cell: (r) => r.name },
          { id: "count", header: "Count", numeric: true, cell: (r) => r.count },
          { id: "share", header: "Share", numeric: { style: "percent" }, cell: (r) => r.share },
          false,
        ]}
      />,
    );
    expect(html).toContain('<caption class="sr-only">Things</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row" class="py-2 pr-4 last:pr-0');
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">1,234.5<\/td>/);
    expect(html).toMatch(/<td class="[^"]*">—<\/td>/);
    expect(html).toContain(">25%</td>");
    expect(html).toContain('data-testid="row-Beta"');
    expect(html).toContain('<div class="overflow-x-auto ');
  });

  it("shows the empty state instead of a table when there are no rows", () => {
    expect(renderToStaticMarkup(<DataTable caption="Things" rows={[]} columns={[]} empty="Nothing yet." />)).toBe(
      '<p class="text-sm text-slate-500 dark:text-slate-400">Nothing yet.</p>',
    );
    expect(renderToStaticMarkup(<DataTable caption="Things" rows={[]} columns={[]} empty={<em>none</em>} />)).toBe(
      "<em>none</em>",
    );
  });

  it("a visible caption when asked; left, right and centre alignment from the column", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Shown"
        showCaption
        rows={rows.slice(0, 1)}
        columns={[{ id: "n", header: "N", align: "center", cell: (r) => r.name }]}
      />,
    );
    expect(html).toContain('<caption class="mb-2 text-left text-sm font-semibold">Shown</caption>');
    expect(html).toMatch(/<td class="[^"]*text-center[^"]*">Alpha<\/td>/);
  });

  it("formatNumber groups digits and dashes a missing value", () => {
    expect(formatNumber(1234567.891, { maximumFractionDigits: 2 })).toBe("1,234,567.89");
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(undefined)).toBe("—");
  });
});
