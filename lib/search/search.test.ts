import { PgDialect } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { compileSearch } from "./compile-search";
import { evaluateSearch } from "./evaluate-search";
import { parseIsoDate, parseSearch } from "./parse-search";
import { MAX_DEPTH, type FieldType } from "./types";

const FIELDS: Record<string, FieldType> = { name: "text", abbreviation: "text", created_at: "date" };
const SQL_FIELDS = {
  name: sql.raw('"name"'),
  abbreviation: sql.raw('"abbreviation"'),
  created_at: sql.raw('"created_at"'),
};
const render = (tree: unknown) => new PgDialect().sqlToQuery(compileSearch(parseSearch(tree, FIELDS), SQL_FIELDS));

function errorOf(tree: unknown): AppError {
  try {
    parseSearch(tree, FIELDS);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a validation error");
}

describe("parseSearch", () => {
  it("defaults the operand to eq, collapses one-criterion filters, keeps empty filters", () => {
    expect(parseSearch({ type: "query", field: "name", values: "ESA" }, FIELDS)).toEqual({
      type: "query",
      field: "name",
      fieldType: "text",
      operand: "eq",
      values: ["ESA"],
    });
    const single = {
      type: "filter",
      operator: "AND",
      criteria: [{ type: "query", field: "name", values: "x", operand: "neq" }],
    };
    expect(parseSearch(single, FIELDS)).toMatchObject({ type: "query", operand: "neq" });
    expect(parseSearch({ type: "filter", operator: "or", criteria: [] }, FIELDS)).toEqual({
      type: "filter",
      operator: "OR",
      criteria: [],
    });
  });

  it("types date values and numbers, and takes arrays only for in", () => {
    const q = parseSearch({ type: "query", field: "created_at", values: "2024-01-02", operand: "gte" }, FIELDS);
    expect(q).toMatchObject({ values: [new Date("2024-01-02T00:00:00.000Z")] });
    expect(parseSearch({ type: "query", field: "name", values: 42 }, FIELDS)).toMatchObject({ values: ["42"] });
    expect(parseSearch({ type: "query", field: "name", values: ["a", "b"], operand: "in" }, FIELDS)).toMatchObject({
      values: ["a", "b"],
    });
    expect(parseIsoDate("2024-02-30")).toBeNull();
    expect(parseIsoDate("2024-02-03T10:00:00+02:00")?.toISOString()).toBe("2024-02-03T08:00:00.000Z");
  });

  it("names the unknown field, operand, operator, type and the path where they are", () => {
    const nested = (inner: unknown) => ({
      type: "filter",
      operator: "AND",
      criteria: [{ type: "query", field: "name", values: "a" }, inner],
    });
    const cases: [unknown, string, RegExp][] = [
      [nested({ type: "query", field: "password", values: "a" }), "criteria[1].field", /Unknown field 'password'/],
      [
        nested({ type: "query", field: "name", values: "a", operand: "regex" }),
        "criteria[1].operand",
        /Unknown operand 'regex'/,
      ],
      [{ type: "filter", operator: "XOR", criteria: [] }, "operator", /Unknown operator 'XOR'/],
      [{ type: "thing" }, "type", /Unknown type 'thing'/],
      [{ field: "name", values: "a" }, "type", /type is required/],
      [{ type: "query", field: "name", values: ["a", "b"] }, "values", /single value/],
      [{ type: "query", field: "name" }, "values", /values is required/],
      [{ type: "query", field: "created_at", values: "yesterday", operand: "lt" }, "values", /not an ISO-8601 date/],
      [{ type: "query", field: "created_at", values: "2024", operand: "like" }, "operand", /does not apply/],
      [{ type: "query", field: "name", values: { $gt: "" } }, "values", /string, number or boolean/],
      [{ type: "query", field: "name", values: "a", extra: 1 }, "extra", /Unknown property/],
      [{ type: "filter", operator: "AND", criteria: "nope" }, "criteria", /must be an array/],
      [[1], "body", /Expected a search object/],
      [{ type: "query", field: "constructor", values: "a" }, "field", /Unknown field 'constructor'/],
    ];
    for (const [tree, path, message] of cases) {
      const err = errorOf(tree);
      expect(err.code).toBe("validation");
      expect(Object.keys(err.fieldErrors ?? {}), JSON.stringify(tree)).toEqual([path]);
      expect(err.message).toMatch(message);
    }
  });

  it("refuses trees deeper than the limit", () => {
    let tree: unknown = { type: "query", field: "name", values: "a" };
    for (let i = 0; i < MAX_DEPTH; i++) tree = { type: "filter", operator: "AND", criteria: [tree, tree] };
    expect(errorOf(tree).message).toMatch(/deeper than|more than/);
    let ok: unknown = { type: "query", field: "name", values: "a" };
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = { type: "filter", operator: "OR", criteria: [ok] };
    expect(() => parseSearch(ok, FIELDS)).not.toThrow();
  });
});

describe("compileSearch", () => {
  it("binds every value as a parameter, never in the SQL text", () => {
    const evil = "x'); drop table providers; --";
    const q = render({
      type: "filter",
      operator: "OR",
      criteria: [
        { type: "query", field: "name", values: evil },
        { type: "query", field: "abbreviation", values: [evil, "b"], operand: "in" },
        { type: "query", field: "name", values: evil, operand: "like" },
        { type: "query", field: "created_at", values: "2024-01-01", operand: "lt" },
      ],
    });
    expect(q.sql).not.toContain("drop table");
    expect(q.params).toEqual([evil, evil, "b", evil, "2024-01-01T00:00:00.000Z"]);
    expect(q.sql).toMatch(/\$1/);
  });

  it("compiles an empty filter to true and exists/nexists without parameters", () => {
    expect(render({ type: "filter", operator: "AND", criteria: [] }).sql).toBe("true");
    const q = render({
      type: "filter",
      operator: "AND",
      criteria: [
        { type: "query", field: "name", operand: "exists" },
        { type: "query", field: "created_at", operand: "nexists" },
      ],
    });
    expect(q.params).toEqual([]);
  });
});

describe("evaluateSearch", () => {
  it("treats empty text as absent, missing dates as not equal, and compares dates as instants", () => {
    const rec = { name: "European Space Agency", abbreviation: "", created_at: new Date("2024-05-01T00:00:00Z") };
    const ev = (tree: unknown) => evaluateSearch(parseSearch(tree, FIELDS), rec);
    expect(ev({ type: "query", field: "abbreviation", operand: "nexists" })).toBe(true);
    expect(ev({ type: "query", field: "name", operand: "like", values: "space" })).toBe(true);
    expect(ev({ type: "query", field: "created_at", operand: "gt", values: "2024-04-30T23:59:59Z" })).toBe(true);
    expect(ev({ type: "query", field: "created_at", operand: "eq", values: "2024-05-01" })).toBe(true);
    expect(ev({ type: "filter", operator: "OR", criteria: [] })).toBe(true);
  });
});
