import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { allOperations } from "@/lib/openapi/all-operations";

describe("Waldur operations in the OpenAPI document", () => {
  it("documents every Waldur path with its trailing slash and success status", () => {
    const doc = buildOpenApiDocument(allOperations) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.paths["/api/marketplace-provider-offerings/"].post.responses).toHaveProperty("201");
    expect(doc.paths["/api/marketplace-provider-offerings/{uuid}/activate/"].post.responses).toHaveProperty("201");
    expect(doc.paths["/api/marketplace-provider-offerings/{uuid}/update_integration/"].post.responses).toHaveProperty(
      "200",
    );
    expect(doc.paths["/api/users/{uuid}/token/"].get.responses).toHaveProperty("200");
    expect(doc.paths["/api/users/{uuid}/refresh_token/"].post.responses).toHaveProperty("201");
    expect(
      Object.keys(doc.paths)
        .filter(
          (p) => p.startsWith("/api/marketplace") || p.startsWith("/api/customers") || p.startsWith("/api/users/"),
        )
        .every((p) => p.endsWith("/")),
    ).toBe(true);
  });
});
