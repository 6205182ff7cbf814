import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/fixtures";
import { errorShapeProblem } from "@/lib/testing/fuzz/check-response";
import * as routes from "./unknown-path-routes";

// The catch-all under each API prefix: a JSON 404 in the error shape of the dialect the path belongs to.
describe("unknown paths under an API prefix", () => {
  const cases: [method: keyof typeof routes, path: string, dialect: string][] = [
    ["POST", "/auth/providers/unknown", "ucloud"],
    ["GET", "/auth/nothing/here", "ucloud"],
    ["GET", "/accounting-system/unit-typos", "argo"],
    ["DELETE", "/accounting-system/providers/p1/unknown", "argo"],
    ["GET", "/api/nothing", "portal"],
    ["PATCH", "/api/tokens/abc/extra", "portal"],
    ["POST", "/api/providers/unknownCall", "ucloud"],
    ["GET", "/api/customers/abc/unknown_action/", "waldur"],
    ["GET", "/api/marketplace-orders/", "waldur"],
    ["PUT", "/v1/Customers/c1/unknown", "cloudcockpit"],
    ["GET", "/v1/customers", "cloudcockpit"],
  ];
  for (const [method, path, dialect] of cases)
    it(`${method} ${path} → 404 in ${dialect}'s shape`, async () => {
      const res = await call(routes[method], method, path, {
        headers: { "x-correlation-id": "unknown-path-test" },
        ...(method === "GET" || method === "DELETE" ? {} : { body: { anything: 1 } }),
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-correlation-id")).toBe("unknown-path-test");
      expect(errorShapeProblem(dialect, 404, res.json, "unknown-path-test")).toBeNull();
      expect(res.text).toContain(`${method} ${path}`);
    });

  it("answers 404 whatever the body, even one that is not JSON", async () => {
    const res = await call(routes.POST, "POST", "/accounting-system/nope", {
      rawBody: "not json",
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, message: "No API operation at POST /accounting-system/nope." });
  });
});
