import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN } from "../accounts";

test("the bootstrap admin token from PORTICO_ADMIN_TOKEN authenticates, a bad one gets 401 with a correlation id", async ({
  request,
}) => {
  const me = await request.get("/api/me", { headers: { authorization: `Token ${ADMIN_TOKEN}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: "bootstrap-admin@portico.local", role: "admin" });

  const bad = await request.get("/api/me", {
    headers: { authorization: "Bearer nope", "x-correlation-id": "e2e-corr-1" },
  });
  expect(bad.status()).toBe(401);
  expect(bad.headers()["x-correlation-id"]).toBe("e2e-corr-1");
  expect(await bad.json()).toMatchObject({ statusCode: 401, correlationId: "e2e-corr-1" });
});

test("the OpenAPI document is served and lists the portal operations", async ({ request }) => {
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/me", "/api/tokens", "/api/admin/users", "/api/audit-events"]),
  );
});
