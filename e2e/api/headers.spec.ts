import { expect, test, type APIResponse } from "@playwright/test";
import { ADMIN_TOKEN, storageStateOf } from "../accounts";

// The security headers every answer carries: pages get a per-request nonce CSP (proxy.ts), APIs a
// policy that loads nothing (next.config.js); all get nosniff, a referrer policy and frame protection.
function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test.describe("pages", () => {
  test.use({ storageState: storageStateOf("admin") });

  for (const path of ["/", "/providers", "/offerings", "/usage", "/audit"]) {
    test(`${path} has a nonce CSP that changes per request`, async ({ request }) => {
      const [a, b] = [await request.get(path), await request.get(path)];
      for (const res of [a, b]) {
        expect(res.status()).toBe(200);
        expectCommonHeaders(res);
      }
      const nonce = (res: APIResponse) => /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"])?.[1];
      expect(nonce(a)).toBeTruthy();
      expect(nonce(a)).not.toBe(nonce(b));
      expect(await a.text()).toContain(`nonce="${nonce(a)}"`);
    });
  }
});

test("public pages and the login page carry the same headers", async ({ request }) => {
  for (const path of ["/login", "/catalogue"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expectCommonHeaders(res);
    expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  }
});

test("a signed-out visit to a portal page is sent to the login page", async ({ request }) => {
  const res = await request.get("/audit?actor=x", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers()["location"]).toContain("/login?callbackUrl=%2Faudit%3Factor%3Dx");
});

test("every API dialect answers with a CSP that loads nothing, on success and on error", async ({ request }) => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const answers = [
    await request.get("/api/me", { headers: auth }),
    await request.get("/api/marketplace-provider-offerings/", { headers: { authorization: `Token ${ADMIN_TOKEN}` } }),
    await request.get("/accounting-system/providers?page=1&size=1", { headers: auth }),
    await request.get("/v1/customers", { headers: auth }),
    await request.post("/auth/refresh", { headers: { authorization: "Bearer not-a-refresh-token" } }),
    await request.get("/api/me"),
  ];
  const statuses = answers.map((r) => r.status());
  expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
  expect(statuses[5]).toBe(401);
  for (const res of answers) {
    expectCommonHeaders(res);
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});
