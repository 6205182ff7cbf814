import fs from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import yaml from "js-yaml";

// Waldur's published OpenAPI 3.0 schema as a contract: parsed once, one Ajv validator compiled per
// (operation, status) the first time it is needed — the document has 1,043 paths and 1,130 schemas and a
// run touches a few dozen.

type Json = Record<string, unknown>;

/** One way an answer (or a request) breaks the schema: where in the body, what the schema expects, what came. */
export type Problem = { path: string; expected: string; got: string; schema?: string };

/** `shared/clients/waldur-openapi.yaml` next to the checkout or any folder above it; `WALDUR_OPENAPI_YAML` overrides. */
export function waldurSchemaFile(from = process.cwd()): string {
  if (process.env.WALDUR_OPENAPI_YAML) return process.env.WALDUR_OPENAPI_YAML;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "clients", "waldur-openapi.yaml");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(
        `waldur-openapi.yaml not found in a shared/clients/ folder above ${from}; set WALDUR_OPENAPI_YAML`,
      );
  }
}

/**
 * OpenAPI 3.0 → JSON Schema as Ajv reads it: `nullable: true` becomes "or null" (on a typed schema a type
 * union, on a `$ref`/`allOf`/`oneOf` an `anyOf` with `{type: "null"}`); `example` and `x-` extensions go.
 * `$ref: "#/components/…"` is pointed at `base` so inline schemas resolve against the whole document.
 */
export function toJsonSchema(s: unknown, base = ""): unknown {
  if (Array.isArray(s)) return s.map((x) => toJsonSchema(x, base));
  if (!s || typeof s !== "object") return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s as Json)) {
    if (k === "example" || k.startsWith("x-")) continue;
    if (k === "properties")
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, ps]) => [p, toJsonSchema(ps, base)]));
    else if (k === "$ref" && typeof v === "string" && v.startsWith("#/")) out[k] = base + v;
    else out[k] = toJsonSchema(v, base);
  }
  if (!out.nullable) {
    delete out.nullable;
    return out;
  }
  delete out.nullable;
  if (typeof out.type === "string" && !out.$ref && !out.allOf && !out.oneOf && !out.anyOf) {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  const { description, title, readOnly, writeOnly, ...rest } = out;
  return {
    anyOf: [rest, { type: "null" }],
    ...(description === undefined ? {} : { description }),
    ...(title === undefined ? {} : { title }),
    ...(readOnly ? { readOnly } : {}),
    ...(writeOnly ? { writeOnly } : {}),
  };
}

/** What the schema says about one operation (`GET /api/users/{uuid}/`). */
export type OperationSpec = {
  key: string;
  operationId: string;
  /** Declared statuses, as numbers (`default` and ranges are not used by Waldur's schema). */
  statuses: number[];
  /** Statuses whose declared answer carries `x-result-count` (the paginated lists). */
  countedStatuses: number[];
  hasRequestBody: boolean;
  /** Query parameters by name: schema, and `explode` for arrays. */
  query: Map<string, { schema: Json; explode: boolean }>;
};

const BASE = "waldur.json";

function formatsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) formatsIn(x, found);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "format" && typeof v === "string") found.add(v);
      else formatsIn(v, found);
    }
  return found;
}
const METHODS = ["get", "post", "put", "patch", "delete"];

// Formats are checked as the generated clients parse them: the Python SDK turns `date-time` and `date` into
// datetimes (dateutil's isoparse) and `uuid` into UUID objects (32 hex digits, dashes optional); every other
// format (uri, email, decimal, double, binary) stays a plain string or number, and Waldur itself sends "" in
// blank uri and email fields.
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\d([T ]\d\d(:?\d\d(:?\d\d([.,]\d+)?)?)?)?(Z|[+-]\d\d(:?\d\d)?)?$/;
const UUID = /^(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;

export class WaldurSchema {
  private static loaded = new Map<string, WaldurSchema>();
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction | null>();

  private constructor(private readonly doc: Json) {
    this.ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false, allowUnionTypes: true });
    this.ajv.addFormat("date-time", {
      type: "string",
      validate: (s: string) => ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(" ", "T"))),
    });
    this.ajv.addFormat("date", {
      type: "string",
      validate: (s: string) => /^\d{4}-\d\d-\d\d$/.test(s) && !Number.isNaN(Date.parse(s)),
    });
    this.ajv.addFormat("uuid", UUID);
    for (const f of formatsIn(doc)) if (!["date-time", "date", "uuid"].includes(f)) this.ajv.addFormat(f, true);
    const components = (doc.components ?? {}) as Json;
    this.ajv.addSchema({ $id: BASE, components: { schemas: toJsonSchema(components.schemas ?? {}, BASE) } });
  }

  /** The schema in `file` (default: the shared one), parsed once per process. */
  static load(file = waldurSchemaFile()): WaldurSchema {
    let s = WaldurSchema.loaded.get(file);
    if (!s) {
      s = new WaldurSchema(yaml.load(fs.readFileSync(file, "utf8")) as Json);
      WaldurSchema.loaded.set(file, s);
    }
    return s;
  }

  /** A schema made from a document already in memory (tests). */
  static fromDocument(doc: Json): WaldurSchema {
    return new WaldurSchema(doc);
  }

  private rawOperation(key: string): Json | undefined {
    const [method, p] = key.split(" ");
    const item = (this.doc.paths as Json | undefined)?.[p] as Json | undefined;
    return method && METHODS.includes(method.toLowerCase())
      ? (item?.[method.toLowerCase()] as Json | undefined)
      : undefined;
  }

  private resolveParameter(p: Json): Json {
    const ref = p.$ref as string | undefined;
    if (!ref) return p;
    return ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<Json>((node, part) => node[part] as Json, this.doc);
  }

  /** The operation `METHOD /path/{template}/` as Waldur's schema declares it, or undefined when it has none. */
  operation(key: string): OperationSpec | undefined {
    const op = this.rawOperation(key);
    if (!op) return undefined;
    const responses = (op.responses ?? {}) as Record<string, Json>;
    const statuses = Object.keys(responses).map(Number).filter(Number.isInteger);
    const query = new Map<string, { schema: Json; explode: boolean }>();
    for (const raw of (op.parameters ?? []) as Json[]) {
      const p = this.resolveParameter(raw);
      if (p.in === "query")
        query.set(p.name as string, { schema: (p.schema ?? {}) as Json, explode: p.explode !== false });
    }
    return {
      key,
      operationId: String(op.operationId),
      statuses,
      countedStatuses: statuses.filter((s) =>
        Object.keys((responses[String(s)].headers ?? {}) as Json).some((h) => h.toLowerCase() === "x-result-count"),
      ),
      hasRequestBody: Boolean(op.requestBody),
      query,
    };
  }

  private validator(cacheKey: string, schema: unknown): ValidateFunction | null {
    if (!this.validators.has(cacheKey))
      this.validators.set(cacheKey, schema ? this.ajv.compile(toJsonSchema(schema, BASE) as Json) : null);
    return this.validators.get(cacheKey)!;
  }

  private jsonSchemaOf(content: unknown): unknown {
    return ((content as Json | undefined)?.["application/json"] as Json | undefined)?.schema;
  }

  /** The problems of an answer's body with `status` against what the operation declares for that status. */
  responseProblems(key: string, status: number, body: unknown): Problem[] {
    const op = this.rawOperation(key);
    if (!op) return [{ path: "$", expected: `an operation ${key} in Waldur's schema`, got: "none" }];
    const declared = ((op.responses ?? {}) as Record<string, Json>)[String(status)];
    if (!declared) return [];
    const validate = this.validator(`${key} ${status}`, this.jsonSchemaOf(declared.content));
    if (!validate) return [];
    if (body === undefined)
      return [
        {
          path: "$",
          expected: `a JSON body (${describeSchema(this.jsonSchemaOf(declared.content))})`,
          got: "an empty body",
        },
      ];
    return validate(body) ? [] : problemsOf(validate.errors ?? [], describeSchema(this.jsonSchemaOf(declared.content)));
  }

  /** The problems of a request body against the operation's `requestBody` (what a generated client may send). */
  requestProblems(key: string, body: unknown): Problem[] {
    const op = this.rawOperation(key);
    const schema = this.jsonSchemaOf((op?.requestBody as Json | undefined)?.content);
    if (body === undefined) return [];
    if (!schema) return [{ path: "$", expected: "no request body", got: "a body" }];
    const validate = this.validator(`${key} request`, schema)!;
    return validate(body) ? [] : problemsOf(validate.errors ?? [], describeSchema(schema));
  }
}

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? "undefined" : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const jsonPath = (pointer: string) =>
  "$" +
  pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_][\w]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
    .join("");

function describeSchema(s: unknown): string {
  const schema = s as Json | undefined;
  if (!schema) return "anything";
  if (schema.$ref) return String(schema.$ref).split("/").pop()!;
  if (schema.type === "array") return `an array of ${describeSchema(schema.items)}`;
  return String(schema.type ?? "a value");
}

/** Where the failing keyword sits in the schema, as `Schema.property…` (readable, and greppable in the yaml). */
const schemaLocation = (e: ErrorObject, top: string) => {
  const at = decodeURIComponent(e.schemaPath);
  const m = /components\/schemas\/(.*)$/.exec(at);
  const where = m ? m[1] : `${top.replace(/^an array of /, "")}${at.replace(/^#/, "").replace(/^\/items/, "[]")}`;
  return where
    .replace(/\/properties\//g, ".")
    .replace(/\/(type|required|enum|format|anyOf|oneOf|minimum|maximum|minLength|maxLength|pattern)$/, "")
    .replace(/\/additionalProperties/g, ".*");
};

function expectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type":
      return `type ${Array.isArray(p.type) ? p.type.join(" or ") : String(p.type)}`;
    case "enum":
      return `one of ${show(p.allowedValues)}`;
    case "format":
      return `format ${String(p.format)}`;
    case "required":
      return "present (required)";
    default:
      return e.message ?? e.keyword;
  }
}

/** Ajv's errors as one problem per place in the body; "X or null" alternatives are folded into one. */
export function problemsOf(errors: ErrorObject[], top = "the schema"): Problem[] {
  const byPath = new Map<string, { expected: string[]; got: unknown; schema?: string }>();
  for (const e of errors) {
    if (
      (e.keyword === "anyOf" || e.keyword === "oneOf") &&
      errors.some((o) => o !== e && o.instancePath === e.instancePath)
    )
      continue;
    const where =
      e.keyword === "required"
        ? `${e.instancePath}/${String((e.params as Record<string, unknown>).missingProperty)}`
        : e.instancePath;
    const got = e.keyword === "required" ? undefined : e.data;
    const entry = byPath.get(where) ?? { expected: [], got, schema: schemaLocation(e, top) };
    const exp = expectation(e);
    if (!entry.expected.includes(exp)) entry.expected.push(exp);
    byPath.set(where, entry);
  }
  return [...byPath].map(([where, v]) => ({
    path: jsonPath(where),
    expected: v.expected.join(" or ").replace(/type (\w+) or type null/, "type $1 or null"),
    got: v.got === undefined ? "missing" : show(v.got),
    ...(v.schema ? { schema: v.schema } : {}),
  }));
}
