import { z } from "zod";
import type { Operation } from "@/lib/http/operation";
import { HOSTILE_STRINGS, HOSTILE_VALUES, RAW_BODIES } from "./payloads";

/** `invalid`: the request is certainly wrong (wrong type, missing field, bad JSON, forged token…) and must be refused. */
export type FuzzRequest = {
  op: Operation;
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  note: string;
  invalid: boolean;
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
};

const jsonType = (v: unknown) =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v;

/** Whether `v` cannot possibly satisfy the schema because its JSON type is not one the schema allows. */
function typeMismatch(s: JsonSchema | undefined, v: unknown): boolean {
  if (!s) return false;
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.every((a) => typeMismatch(a, v));
  if (s.enum) return !s.enum.some((e) => e === v);
  if (s.const !== undefined) return s.const !== v;
  if (!s.type) return false;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const t = jsonType(v);
  return !types.some((x) => x === t || (x === "number" && t === "integer"));
}

/** A small deterministic PRNG so a failing run can be replayed with the same seed. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    int: (n: number) => Math.floor(next() * n),
  };
}
type Rng = ReturnType<typeof rng>;

const schemaOf = (s: z.ZodType | undefined): JsonSchema | undefined =>
  s ? (z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema) : undefined;

/** A value that fits the schema's type, so mutations elsewhere in the body are what gets tested. */
function plausible(s: JsonSchema | undefined, r: Rng, depth = 0): unknown {
  if (!s || depth > 4) return "x";
  if (s.enum?.length) return r.pick(s.enum);
  if (s.anyOf?.length) return plausible(r.pick(s.anyOf), r, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, r, depth + 1)]));
    case "array":
      return [plausible(s.items, r, depth + 1)];
    case "integer":
    case "number":
      return 1 + r.int(100);
    case "boolean":
      return r.next() < 0.5;
    case "null":
      return null;
    default:
      if (s.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (s.format === "email") return "fuzz@example.test";
      if (s.format === "uri") return "https://example.test/x";
      if (s.format?.startsWith("date")) return "2024-01-01";
      return "fuzz";
  }
}

function mutateBody(s: JsonSchema | undefined, r: Rng): { value: unknown; note: string; invalid: boolean } {
  const base = plausible(s, r);
  const fields = Object.keys(s?.properties ?? {});
  const choice = r.int(6);
  if (choice === 0 || !fields.length || typeof base !== "object" || base === null) {
    const value = r.pick(HOSTILE_VALUES);
    return { value, note: "body replaced by a hostile value", invalid: !!s && typeMismatch(s, value) };
  }
  const obj = { ...(base as Record<string, unknown>) };
  const field = r.pick(fields);
  if (choice === 1) {
    delete obj[field];
    return { value: obj, note: `missing ${field}`, invalid: (s?.required ?? []).includes(field) };
  }
  if (choice === 2)
    return {
      value: { ...obj, [`unknown_${r.int(1000)}`]: r.pick(HOSTILE_VALUES) },
      note: "extra field",
      invalid: s?.additionalProperties === false,
    };
  obj[field] = r.pick(HOSTILE_VALUES);
  if (choice === 3) for (const f of fields) if (r.next() < 0.3) obj[f] = r.pick(HOSTILE_VALUES);
  const invalid = fields.some((f) => f in obj && typeMismatch(s?.properties?.[f], obj[f]));
  return { value: obj, note: `hostile ${field}${invalid ? " (wrong type)" : ""}`, invalid };
}

/** A header can only carry latin-1 without NUL, CR or LF; anything else goes percent-encoded, as a client would have to send it. */
const headerSafe = (v: string) => (/^[\t\x20-\x7e\x80-\xff]*$/.test(v) ? v : encodeURIComponent(v.toWellFormed()));

/**
 * The operation's declared headers: absent, a known-good value (`known`, e.g. a real tenant's domain, so
 * the handler is reached), a plausible one, or a hostile string. Missing or blank counts as absent.
 */
function fuzzHeaders(
  op: Operation,
  r: Rng,
  known: Record<string, string[]>,
): { headers: Record<string, string>; notes: string[]; invalid: boolean } {
  const hs = schemaOf(op.headers);
  const headers: Record<string, string> = {};
  const notes: string[] = [];
  let invalid = false;
  for (const [name, s] of Object.entries(hs?.properties ?? {})) {
    const required = (hs!.required ?? []).includes(name);
    const roll = r.next();
    const value =
      roll < 0.15
        ? undefined
        : headerSafe(
            String(
              roll < 0.55 && known[name]?.length
                ? r.pick(known[name])
                : roll < 0.65
                  ? plausible(s, r)
                  : r.pick(HOSTILE_STRINGS),
            ),
          );
    if (value !== undefined) headers[name] = value;
    const absent = value === undefined || !value.trim();
    const wrong = absent ? required : !!s.enum && !s.enum.includes(value);
    if (absent || wrong) notes.push(`${absent ? "no" : "bad"} ${name}`);
    invalid ||= wrong;
  }
  return { headers, notes, invalid };
}

const paramValue = (r: Rng) =>
  r.next() < 0.2 ? "00000000-0000-4000-8000-000000000000" : r.pick(HOSTILE_STRINGS).slice(0, 2000) || "x";

/** One hostile request for an operation: params, query, headers, body, content type and credentials all vary. */
export function generateRequest(
  op: Operation,
  r: Rng,
  tokens: string[],
  knownHeaders: Record<string, string[]> = {},
): FuzzRequest {
  const params: Record<string, string> = {};
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = paramValue(r).toWellFormed(); // a URL cannot carry a lone surrogate
    params[name] = v;
    return encodeURIComponent(v);
  });
  const query = new URLSearchParams();
  const qs = schemaOf(op.query);
  for (const name of Object.keys(qs?.properties ?? {}))
    if (r.next() < 0.6)
      query.set(name, String(r.next() < 0.7 ? r.pick(HOSTILE_VALUES) : plausible(qs!.properties![name], r)));
  if (r.next() < 0.2) query.set(`unknown_${r.int(100)}`, r.pick(HOSTILE_STRINGS));
  const declared = fuzzHeaders(op, r, knownHeaders);
  const headers: Record<string, string> = { ...declared.headers, "x-correlation-id": `fuzz-${r.int(1e9)}` };
  let invalid = declared.invalid;
  const tok = r.next();
  if (tok < 0.45 && tokens.length) headers.authorization = `${r.next() < 0.5 ? "Bearer" : "Token"} ${r.pick(tokens)}`;
  else if (tok < 0.6) {
    headers.authorization = r.pick([
      "Bearer ",
      "Bearer ptk_forged",
      "Token ' OR 1=1",
      "Basic YTpi",
      "Bearer a.b.c",
      "Bearer " + "x".repeat(5000),
    ]);
    invalid = op.auth !== "none";
  } else invalid = op.auth === "required";
  let body: string | undefined;
  let note = "no body";
  if (op.method !== "GET" && op.method !== "DELETE") {
    if (r.next() < 0.15) {
      const raw = r.pick(RAW_BODIES);
      body = raw.body;
      headers["content-type"] = raw.contentType;
      note = `raw body (${raw.contentType}, ${raw.body.length} bytes)`;
      invalid ||= op.bodyFormat !== "raw" && (!!op.body || raw.body.length > 1024 * 1024);
    } else {
      const m = mutateBody(op.body ? schemaOf(op.body) : undefined, r);
      body = JSON.stringify(m.value);
      headers["content-type"] = "application/json";
      note = m.note;
      invalid ||= !!op.body && op.bodyFormat !== "raw" && m.invalid;
    }
  }
  const q = query.toString();
  if (declared.notes.length) note += `; ${declared.notes.join(", ")}`;
  return { op, method: op.method, path: q ? `${path}?${q}` : path, params, headers, body, note, invalid };
}
