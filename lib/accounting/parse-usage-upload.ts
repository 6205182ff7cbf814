import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/zod-errors";
import { usageRecordInput, type UsageRecordInput } from "./schemas";

export type UploadFormat = "json" | "ndjson" | "csv";
const MAX_REPORTED_ROWS = 50;
const NUMERIC_CSV_COLUMNS = new Set(["value"]);
export const CSV_COLUMNS = [
  "metric_definition_id",
  "time_period_start",
  "time_period_end",
  "value",
  "user_id",
  "group_id",
  "record_id",
] as const;

export function uploadFormat(contentType: string | null): UploadFormat {
  const t = (contentType || "").toLowerCase();
  if (t.includes("ndjson") || t.includes("jsonl") || t.includes("json-seq")) return "ndjson";
  if (t.includes("json")) return "json";
  if (t.includes("csv")) return "csv";
  throw new AppError(
    "unsupported_media_type",
    `Unsupported content type '${t || "none"}'. Send application/json (an array), application/x-ndjson or text/csv.`,
  );
}

/** Splits one CSV line (RFC 4180 quoting; a record never spans lines in usage files). */
function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (quoted) return null;
  out.push(cur);
  return out;
}

type RawRow = { row: number; line?: number; value: unknown; error?: string };

function rawRows(format: UploadFormat, text: string): RawRow[] {
  if (format === "json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "Malformed JSON in request body.");
    }
    if (!Array.isArray(parsed))
      throw new AppError("validation", "The body must be a JSON array of usage records.", {
        non_field_errors: ["Expected an array."],
      });
    return parsed.map((value, i) => ({ row: i + 1, value }));
  }
  const lines = text.split(/\r?\n/);
  const rows: RawRow[] = [];
  if (format === "ndjson") {
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      const row = rows.length + 1;
      try {
        rows.push({ row, line: i + 1, value: JSON.parse(l) });
      } catch {
        rows.push({ row, line: i + 1, value: null, error: "Malformed JSON." });
      }
    });
    return rows;
  }
  const headerIdx = lines.findIndex((l) => l.trim());
  if (headerIdx < 0) return [];
  const header = splitCsvLine(lines[headerIdx].replace(/^\uFEFF/, ""))!.map((h) => h.trim());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new AppError(
      "validation",
      `Unknown CSV columns: ${unknown.join(", ")}. Expected ${CSV_COLUMNS.join(", ")}.`,
      { header: [`Unknown columns: ${unknown.join(", ")}`] },
    );
  for (let i = headerIdx + 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const row = rows.length + 1;
    const cells = splitCsvLine(lines[i]);
    if (!cells || cells.length !== header.length) {
      rows.push({ row, line: i + 1, value: null, error: `Expected ${header.length} columns.` });
      continue;
    }
    const obj: Record<string, unknown> = {};
    header.forEach((h, j) => {
      const c = cells[j].trim();
      if (c === "") return;
      obj[h] = NUMERIC_CSV_COLUMNS.has(h) ? (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(c) ? Number(c) : c) : c;
    });
    rows.push({ row, line: i + 1, value: obj });
  }
  return rows;
}

/**
 * Parses a bulk upload into validated records. Any bad row fails the whole upload with a 400 whose
 * field errors name each bad row and field (`rows.7.value`), so nothing from it is written.
 */
export function parseUsageUpload(format: UploadFormat, text: string): UsageRecordInput[] {
  const raw = rawRows(format, text);
  if (!raw.length)
    throw new AppError("validation", "The upload contains no usage records.", { non_field_errors: ["No records."] });
  const errors: FieldErrors = {};
  const out: UsageRecordInput[] = [];
  let bad = 0;
  for (const r of raw) {
    const where = `rows.${r.row}`;
    if (r.error) {
      if (++bad <= MAX_REPORTED_ROWS) errors[where] = [r.line ? `Line ${r.line}: ${r.error}` : r.error];
      continue;
    }
    const parsed = usageRecordInput.safeParse(r.value);
    if (!parsed.success) {
      if (++bad <= MAX_REPORTED_ROWS) Object.assign(errors, fieldErrorsOf(parsed.error, where));
      continue;
    }
    out.push(parsed.data);
  }
  if (bad) {
    const [first] = Object.keys(errors);
    const row = first.split(".")[1];
    const field = first.split(".").slice(2).join(".") || "record";
    throw new AppError(
      "validation",
      `${bad} invalid row${bad > 1 ? "s" : ""}; nothing was stored. First: row ${row}, field ${field}: ${errors[first][0]}`,
      errors,
    );
  }
  return out;
}
