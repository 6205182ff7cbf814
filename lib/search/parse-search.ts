import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import {
  MAX_DEPTH,
  MAX_IN_VALUES,
  MAX_NODES,
  OPERANDS,
  OPERANDS_FOR,
  OPERATORS,
  type FieldType,
  type Operand,
  type Operator,
  type TypedNode,
} from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO-8601 date or date-time (no zone means UTC); anything else is null. */
export function parseIsoDate(v: string): Date | null {
  const m = ISO_DATE.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const ms = frac ? frac.padEnd(3, "0").slice(0, 3) : "000";
  const z = zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${z}`);
  if (Number.isNaN(date.getTime()) || (zone === "Z" && date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`))
    return null;
  return date;
}

class SearchSyntaxError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean";
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Validates a search tree against an allow-list of fields and types its values. Every problem is
 * a 400 naming the node's path and what was wrong (unknown field, operand, operator, too deep…).
 */
export function parseSearch(input: unknown, fields: Record<string, FieldType>): TypedNode {
  let nodes = 0;
  const allowed = Object.keys(fields).join(", ");

  const node = (v: unknown, path: string, depth: number): TypedNode => {
    if (depth > MAX_DEPTH)
      throw new SearchSyntaxError(path || "body", `The search tree is deeper than ${MAX_DEPTH} levels.`);
    if (++nodes > MAX_NODES)
      throw new SearchSyntaxError(path || "body", `The search tree has more than ${MAX_NODES} nodes.`);
    if (!isObject(v))
      throw new SearchSyntaxError(path || "body", "Expected a search object with a type of query or filter.");
    const type = v.type;
    if (type === "filter") return filter(v, path, depth);
    if (type === "query") return query(v, path);
    throw new SearchSyntaxError(
      at(path, "type"),
      type === undefined
        ? "type is required: query or filter."
        : `Unknown type '${String(type)}': use query or filter.`,
    );
  };

  const filter = (v: Record<string, unknown>, path: string, depth: number): TypedNode => {
    for (const k of Object.keys(v))
      if (!["type", "operator", "criteria"].includes(k))
        throw new SearchSyntaxError(at(path, k), `Unknown property '${k}' in a filter.`);
    const op = typeof v.operator === "string" ? v.operator.toUpperCase() : v.operator;
    if (!OPERATORS.includes(op as Operator)) {
      throw new SearchSyntaxError(
        at(path, "operator"),
        v.operator === undefined
          ? "operator is required: AND or OR."
          : `Unknown operator '${String(v.operator)}': use AND or OR.`,
      );
    }
    if (!Array.isArray(v.criteria))
      throw new SearchSyntaxError(at(path, "criteria"), "criteria must be an array of search objects.");
    const criteria = v.criteria.map((c, i) => node(c, `${at(path, "criteria")}[${i}]`, depth + 1));
    // A filter of one criterion is that criterion (ARGO); an empty one matches everything.
    if (criteria.length === 1) return criteria[0];
    return { type: "filter", operator: op as Operator, criteria };
  };

  const query = (v: Record<string, unknown>, path: string): TypedNode => {
    for (const k of Object.keys(v))
      if (!["type", "field", "values", "operand"].includes(k))
        throw new SearchSyntaxError(at(path, k), `Unknown property '${k}' in a query.`);
    if (typeof v.field !== "string") throw new SearchSyntaxError(at(path, "field"), "field is required.");
    const fieldType = Object.hasOwn(fields, v.field) ? fields[v.field] : undefined;
    if (!fieldType)
      throw new SearchSyntaxError(at(path, "field"), `Unknown field '${v.field}'. Searchable fields: ${allowed}.`);
    const operand = (v.operand ?? "eq") as Operand;
    if (typeof operand !== "string" || !OPERANDS.includes(operand))
      throw new SearchSyntaxError(
        at(path, "operand"),
        `Unknown operand '${String(v.operand)}'. Use one of: ${OPERANDS.join(", ")}.`,
      );
    if (!OPERANDS_FOR[fieldType].includes(operand))
      throw new SearchSyntaxError(
        at(path, "operand"),
        `Operand '${operand}' does not apply to the ${fieldType} field '${v.field}'.`,
      );
    const base = { type: "query" as const, field: v.field, fieldType, operand };
    if (operand === "exists" || operand === "nexists") return { ...base, values: [] };

    let raw: unknown[];
    if (operand === "in") {
      raw = Array.isArray(v.values) ? v.values : v.values === undefined ? [] : [v.values];
      if (raw.length === 0)
        throw new SearchSyntaxError(at(path, "values"), "values must list at least one value for operand 'in'.");
      if (raw.length > MAX_IN_VALUES)
        throw new SearchSyntaxError(at(path, "values"), `values may list at most ${MAX_IN_VALUES} values.`);
    } else {
      if (v.values === undefined || v.values === null)
        throw new SearchSyntaxError(at(path, "values"), `values is required for operand '${operand}'.`);
      if (Array.isArray(v.values))
        throw new SearchSyntaxError(
          at(path, "values"),
          `values must be a single value for operand '${operand}' (use 'in' for a list).`,
        );
      raw = [v.values];
    }
    const values = raw.map((x, i) => {
      const where = operand === "in" ? `${at(path, "values")}[${i}]` : at(path, "values");
      if (!isScalar(x)) throw new SearchSyntaxError(where, "Each value must be a string, number or boolean.");
      if (fieldType === "text") return String(x);
      const d = typeof x === "string" ? parseIsoDate(x) : null;
      if (!d)
        throw new SearchSyntaxError(where, `'${String(x)}' is not an ISO-8601 date for the date field '${v.field}'.`);
      return d;
    });
    return { ...base, values };
  };

  try {
    return node(input, "", 1);
  } catch (e) {
    if (e instanceof SearchSyntaxError) {
      const fe: FieldErrors = { [e.path]: [e.message] };
      throw new AppError("validation", `Invalid search at ${e.path}: ${e.message}`, fe);
    }
    throw e;
  }
}
