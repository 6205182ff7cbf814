import type { TypedNode, TypedQuery } from "./types";

/** A record as the evaluator sees it: text fields as strings, date fields as Dates, absent as null. */
export type SearchRecord = Record<string, string | Date | null | undefined>;

const key = (x: string | Date) => (x instanceof Date ? x.getTime() : x);

function matchQuery(q: TypedQuery, record: SearchRecord): boolean {
  const raw = record[q.field] ?? null;
  const present = raw !== null && raw !== "";
  if (q.operand === "exists") return present;
  if (q.operand === "nexists") return !present;
  if (q.operand === "like")
    return typeof raw === "string" && raw.toLowerCase().includes(String(q.values[0]).toLowerCase());
  if (raw === null) return q.operand === "neq";
  const a = key(raw);
  const b = key(q.values[0]);
  switch (q.operand) {
    case "eq":
      return a === b;
    case "neq":
      return a !== b;
    case "lt":
      return a < b;
    case "lte":
      return a <= b;
    case "gt":
      return a > b;
    case "gte":
      return a >= b;
    case "in":
      return q.values.some((x) => key(x) === a);
  }
}

/** The plain in-memory meaning of a search tree: the reference the SQL compiler is tested against. */
export function evaluateSearch(node: TypedNode, record: SearchRecord): boolean {
  if (node.type === "query") return matchQuery(node, record);
  if (node.criteria.length === 0) return true;
  return node.operator === "AND"
    ? node.criteria.every((c) => evaluateSearch(c, record))
    : node.criteria.some((c) => evaluateSearch(c, record));
}
