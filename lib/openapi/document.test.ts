import { describe, expect, it } from "vitest";
import { allOperations } from "./all-operations";
import { buildOpenApiDocument } from "./document";

type Parameter = {
  name?: string;
  in?: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string };
  $ref?: string;
};
const doc = buildOpenApiDocument(allOperations) as {
  paths: Record<string, Record<string, { parameters: Parameter[] }>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, parameters: op.parameters })),
);

describe("header parameters in the OpenAPI document", () => {
  it("every CloudCockpit /v1/ operation documents X-Tenant as a required string header", () => {
    const v1 = operations.filter((o) => o.path.startsWith("/v1/"));
    expect(v1.length).toBe(allOperations.filter((o) => o.path.startsWith("/v1/")).length);
    for (const o of v1) {
      expect(
        o.parameters.filter((p) => p.in === "header" && !p.$ref),
        `${o.method} ${o.path}`,
      ).toEqual([
        {
          name: "X-Tenant",
          in: "header",
          required: true,
          description: "the tenant's domain.",
          schema: expect.objectContaining({ type: "string" }),
        },
      ]);
    }
  });

  it("operations without declared headers document only the shared X-Correlation-Id", () => {
    const others = operations.filter((o) => !o.path.startsWith("/v1/"));
    expect(others.length).toBeGreaterThan(0);
    for (const o of others)
      expect(
        o.parameters.filter((p) => p.in === "header"),
        `${o.method} ${o.path}`,
      ).toEqual([]);
    for (const o of operations) expect(o.parameters).toContainEqual({ $ref: "#/components/parameters/CorrelationId" });
  });
});
