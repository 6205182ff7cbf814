import { describe, expect, it } from "vitest";
import { drfErrorProblems, fieldMatches } from "./client";
import { toJsonSchema, WaldurSchema } from "./waldur-schema";

// The contract's own machinery, on a small document written like Waldur's (OpenAPI 3.0, `nullable`, `$ref`s).
const doc = {
  openapi: "3.0.3",
  paths: {
    "/api/things/{uuid}/": {
      get: {
        operationId: "things_retrieve",
        responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
    "/api/things/": {
      get: {
        operationId: "things_list",
        parameters: [
          { $ref: "#/components/parameters/Page" },
          {
            in: "query",
            name: "o",
            schema: { type: "array", items: { type: "string", enum: ["name", "-name"] } },
            explode: false,
            style: "form",
          },
        ],
        responses: {
          "200": {
            headers: { "x-result-count": { schema: { type: "integer" } } },
            content: {
              "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Thing" } } },
            },
          },
        },
      },
      post: {
        operationId: "things_create",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/ThingRequest" } } } },
        responses: { "201": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
  },
  components: {
    parameters: { Page: { name: "page", in: "query", schema: { type: "integer" } } },
    schemas: {
      Thing: {
        type: "object",
        required: ["uuid", "lifetime"],
        properties: {
          uuid: { type: "string", format: "uuid" },
          created: { type: "string", format: "date-time" },
          lifetime: { type: "integer", nullable: true },
          kind: {
            nullable: true,
            oneOf: [{ $ref: "#/components/schemas/KindEnum" }, { $ref: "#/components/schemas/NullEnum" }],
          },
          prices: { type: "object", additionalProperties: { type: "number" } },
          homepage: { type: "string", format: "uri" },
        },
      },
      KindEnum: { enum: ["big", "small"], type: "string" },
      NullEnum: { enum: [null] },
      ThingRequest: { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 1 } } },
    },
  },
};
const schema = WaldurSchema.fromDocument(doc);

describe("toJsonSchema (OpenAPI 3.0 → JSON Schema)", () => {
  it("turns nullable into 'or null', for typed schemas and for references", () => {
    expect(toJsonSchema({ type: "integer", nullable: true })).toEqual({ type: ["integer", "null"] });
    expect(toJsonSchema({ type: "string", enum: ["a"], nullable: true })).toEqual({
      type: ["string", "null"],
      enum: ["a", null],
    });
    expect(toJsonSchema({ $ref: "#/components/schemas/X", nullable: true, description: "d" }, "w.json")).toEqual({
      anyOf: [{ $ref: "w.json#/components/schemas/X" }, { type: "null" }],
      description: "d",
    });
    expect(toJsonSchema({ type: "string", example: "x", "x-spec-enum-id": "1" })).toEqual({ type: "string" });
  });
});

describe("WaldurSchema", () => {
  it("reads an operation's statuses, counted lists and query parameters ($ref'd ones too)", () => {
    const op = schema.operation("GET /api/things/")!;
    expect(op).toMatchObject({ operationId: "things_list", statuses: [200], countedStatuses: [200] });
    expect([...op.query.keys()]).toEqual(["page", "o"]);
    expect(op.query.get("o")!.explode).toBe(false);
    expect(schema.operation("DELETE /api/things/")).toBeUndefined();
  });

  it("accepts an answer as the schema declares it, null where nullable, uuids with or without dashes, blank uris", () => {
    for (const uuid of ["b52a120a0301434a84571bde0b2b74bf", "b52a120a-0301-434a-8457-1bde0b2b74bf"])
      expect(
        schema.responseProblems("GET /api/things/{uuid}/", 200, {
          uuid,
          lifetime: null,
          kind: null,
          created: "2025-02-04T08:37:14.715810Z",
          homepage: "",
        }),
      ).toEqual([]);
    expect(
      schema.responseProblems("GET /api/things/", 200, [
        { uuid: "b52a120a0301434a84571bde0b2b74bf", lifetime: 3600, kind: "big" },
      ]),
    ).toEqual([]);
  });

  it("names the place in the body, the schema's expectation and what came", () => {
    const problems = schema.responseProblems("GET /api/things/", 200, [
      { uuid: "b52a120a0301434a84571bde0b2b74bf", lifetime: 1 },
      { uuid: "nope", lifetime: "3600", kind: "huge", prices: { cpu: null }, created: "yesterday" },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "$[1].uuid", expected: "format uuid", got: '"nope"', schema: "Thing.uuid" },
        { path: "$[1].lifetime", expected: "type integer or null", got: '"3600"', schema: "Thing.lifetime" },
        { path: "$[1].prices.cpu", expected: "type number", got: "null", schema: "Thing.prices.*" },
        { path: "$[1].created", expected: "format date-time", got: '"yesterday"', schema: "Thing.created" },
      ]),
    );
    expect(problems.find((p) => p.path === "$[1].kind")?.expected).toMatch(/one of \["big","small"\]/);
    expect(
      schema.responseProblems("GET /api/things/{uuid}/", 200, { uuid: "b52a120a0301434a84571bde0b2b74bf" }),
    ).toEqual([{ path: "$.lifetime", expected: "present (required)", got: "missing", schema: "Thing" }]);
    expect(schema.responseProblems("GET /api/things/{uuid}/", 200, undefined)).toEqual([
      { path: "$", expected: "a JSON body (Thing)", got: "an empty body" },
    ]);
  });

  it("checks request bodies against what clients may send", () => {
    expect(schema.requestProblems("POST /api/things/", { name: "x" })).toEqual([]);
    expect(schema.requestProblems("POST /api/things/", { name: "" })).toEqual([
      { path: "$.name", expected: "must NOT have fewer than 1 characters", got: '""', schema: "ThingRequest.name" },
    ]);
  });

  it("loads the shared Waldur schema once", () => {
    const a = WaldurSchema.load();
    expect(WaldurSchema.load()).toBe(a);
    expect(a.operation("POST /api/marketplace-provider-offerings/{uuid}/add_user/")).toMatchObject({
      operationId: "marketplace_provider_offerings_add_user",
      statuses: [201, 400],
    });
  });
});

describe("the contract's helpers", () => {
  it("knows DRF's error bodies", () => {
    for (const ok of [
      { detail: "Not found." },
      { name: ["This field is required."] },
      ["Offering state is invalid."],
      { plans: [{ name: ["Too long."] }] },
    ])
      expect(drfErrorProblems(ok)).toEqual([]);
    for (const bad of [undefined, {}, { detail: 3 }, { statusCode: 400, errors: [] }, "text"])
      expect(drfErrorProblems(bad)).toHaveLength(1);
  });

  it("matches a listed field at the end of a path, in lists and nested plans", () => {
    expect(fieldMatches("future_prices.*", "$[2].plans[0].future_prices.node_hours")).toBe(true);
    expect(fieldMatches("future_prices.*", "$.future_prices.cpu")).toBe(true);
    expect(fieldMatches("scope", "$.scope")).toBe(true);
    expect(fieldMatches("scope", "$.plans[0].scope_name")).toBe(false);
    expect(fieldMatches("user_token_lifetime", "$.token_lifetime")).toBe(false);
  });
});
