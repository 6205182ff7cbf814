"use client";
import { Button } from "./button";

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? "'" : "") + s.replace(/"/g, '""')}"` : s;
};

/** Downloads what the table shows as CSV (formula-looking cells are neutralised). */
export function CsvButton({
  rows,
  columns,
  filename,
}: {
  rows: Record<string, unknown>[];
  columns: string[];
  filename: string;
}) {
  const download = () => {
    const text = [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n");
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: filename });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button type="button" variant="secondary" onClick={download}>
      Export CSV
    </Button>
  );
}
