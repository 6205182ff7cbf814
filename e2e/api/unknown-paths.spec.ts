import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN, storageStateOf } from "../accounts";

// Through Next's real router: a path no operation serves under an API prefix answers a JSON 404 in that
// dialect's shape (the catch-all routes), served paths still reach their handlers, and pages keep their HTML 404.
test.use({ storageState: storageStateOf("admin") });

test("unknown API paths answer a JSON 404 in each dialect's shape; UCloud's AuthProviders calls are served", async ({
  request,
}) => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const answers = {
    ucloud: await request.post("/auth/providers/unknown", { data: { items: [] } }),
    argo: await request.get("/accounting-system/no-such-thing", { headers: auth }),
    waldur: await request.get("/api/customers/x/no_such_action/", { headers: auth }),
    portal: await request.get("/api/no-such-thing", { headers: auth }),
    cloudcockpit: await request.delete("/v1/NoSuchThing/1", { headers: auth }),
  };
  for (const [dialect, res] of Object.entries(answers)) {
    expect(res.status(), dialect).toBe(404);
    expect(res.headers()["content-type"], dialect).toContain("application/json");
    expect(res.headers()["x-correlation-id"], dialect).toBeTruthy();
  }
  expect(Object.keys(await answers.ucloud.json()).sort()).toEqual(["correlationId", "errorCode", "why"]);
  expect(await answers.argo.json()).toMatchObject({ code: 404 });
  expect(await answers.waldur.json()).toEqual({ detail: "No API operation at GET /api/customers/x/no_such_action/." });
  expect(await answers.portal.json()).toMatchObject({ statusCode: 404, type: "Not Found" });
  expect(await answers.cloudcockpit.json()).toMatchObject({ statusCode: 404 });

  // the two AuthProviders calls reach their handlers (an unknown token is a 401, not a 404)
  const refresh = await request.post("/auth/providers/refresh", {
    data: { items: [{ refreshToken: "not-a-refresh-token" }] },
  });
  expect(refresh.status()).toBe(401);
  expect(await refresh.json()).toMatchObject({ errorCode: "INVALID_REFRESH_TOKEN" });
  const renew = await request.post("/auth/providers/renew", { headers: auth, data: { items: [{ id: "nope" }] } });
  expect(renew.status()).toBe(404);
  expect(await renew.json()).toMatchObject({ why: "Provider not found.", errorCode: "NOT_FOUND" });
  // served paths are untouched, and a page that does not exist is still the HTML not-found page
  expect((await request.get("/api/openapi.json")).status()).toBe(200);
  expect((await request.get("/accounting-system/providers?size=1", { headers: auth })).status()).toBe(200);
  const page = await request.get("/no-such-page");
  expect(page.status()).toBe(404);
  expect(page.headers()["content-type"]).toContain("text/html");
});
