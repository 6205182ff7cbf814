import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import seed from "@/lib/dialects/waldur/seed-001.fixture.json";
import { waldurOfferingOutput, waldurTokenOutput, waldurUserOutput } from "@/lib/dialects/waldur/schemas";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { createWaldurCustomerAndCategory, expectSeedShape } from "@/lib/testing/waldur";
import { POST as createUser } from "../users/route";
import { GET as readToken } from "../users/[uuid]/token/route";
import { POST as refreshToken } from "../users/[uuid]/refresh_token/route";
import { POST as activate } from "./[uuid]/activate/route";
import { POST as addUser } from "./[uuid]/add_user/route";
import { GET as retrieve } from "./[uuid]/route";
import { POST as updateIntegration } from "./[uuid]/update_integration/route";
import { POST as createOffering } from "./route";
import { GET as listMine } from "../me/route";

const VOLATILE = new Set([
  "url",
  "uuid",
  "created",
  "customer",
  "customer_uuid",
  "category",
  "category_uuid",
  "category_title",
  "date_joined",
  "token",
  "slug",
]);

describe("seed 001: a service provider onboards a SLURM offering through the Waldur API", () => {
  it("replays every request of the seed and answers with the seed's responses", async () => {
    const staff = await createTestUser({ role: "admin" });
    const owner = await createTestUser();
    const { customer, category } = await createWaldurCustomerAndCategory(staff.token, {
      ownerId: owner.user.id,
      customerName: "Test Customer",
    });

    // 1. POST /api/marketplace-provider-offerings/ (Org Owner Token) → 201, the full offering object
    const body = { ...seed.createOfferingRequest, customer: customer.url, category: category.url };
    const created = await call(createOffering, "POST", "/api/marketplace-provider-offerings/", {
      token: owner.token,
      scheme: "Token",
      body,
    });
    expect(created.status).toBe(201);
    expectSeedShape(created.json, seed.createOfferingResponse, VOLATILE);
    waldurOfferingOutput.parse(created.json);
    expect(created.json.slug).toMatch(/^test-clu-\d+$/);
    expect(created.json.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(created.json.url).toBe(`http://portico.test/api/marketplace-provider-offerings/${created.json.uuid}/`);
    expect(created.json.customer).toBe(customer.url);
    expect(created.json.category_title).toBe(category.title);
    expect(created.json.plans[0].url).toMatch(/\/api\/marketplace-plans\/[0-9a-f]{32}\/$/);
    expect(created.json.created).toMatch(/Z$/);
    const uuid = created.json.uuid;
    const params = { uuid };
    const base = `/api/marketplace-provider-offerings/${uuid}`;

    // 2. update_integration (Org Owner Token) → 200, empty body
    const integ = await call(updateIntegration, "POST", `${base}/update_integration/`, {
      token: owner.token,
      scheme: "Token",
      body: seed.updateIntegrationRequest,
      params,
    });
    expect(integ.status).toBe(200);
    expect(integ.text).toBe("");

    // 3. activate/ (no body) → 201, empty body
    const act = await call(activate, "POST", `${base}/activate/`, {
      token: owner.token,
      scheme: "Token",
      params,
      headers: { "content-type": "application/json" },
    });
    expect(act.status).toBe(201);
    expect(act.text).toBe("");
    const after = await call(retrieve, "GET", `${base}/`, { token: owner.token, scheme: "Token", params });
    expect(after.json).toMatchObject({
      state: "Active",
      state_code: 2,
      plugin_options: seed.updateIntegrationRequest.plugin_options,
    });

    // 4. POST /api/users/ (Staff Token) → 201, the seed's user object
    const suffix = randomBytes(10).toString("hex");
    const userBody = {
      ...seed.createUserRequest,
      username: `test_${suffix}`,
      email: `test_${suffix}@example.com`,
      last_name: suffix,
    };
    const user = await call(createUser, "POST", "/api/users/", { token: staff.token, scheme: "Token", body: userBody });
    expect(user.status).toBe(201);
    const expectedUser = {
      ...seed.createUserResponse,
      username: userBody.username,
      email: userBody.email,
      last_name: suffix,
      full_name: `test ${suffix}`,
    };
    expectSeedShape(user.json, expectedUser, VOLATILE);
    waldurUserOutput.parse(user.json);
    expect(user.json.slug).toMatch(/^test_\w{3}-\d+$/);

    // 5. add_user OFFERING.MANAGER (Service Provider Token) → 201 (the seed's "Body: empty" carries Waldur's
    // UserRoleExpirationTime, which Waldur's clients parse)
    const grant = await call(addUser, "POST", `${base}/add_user/`, {
      token: owner.token,
      scheme: "Token",
      body: { role: "OFFERING.MANAGER", user: user.json.uuid },
      params,
    });
    expect(grant.status).toBe(201);
    expect(grant.json).toEqual({ expiration_time: null });

    // 6. GET token/ (Staff Token) → 200 with the seed's fields
    const tok = await call(readToken, "GET", `/api/users/${user.json.uuid}/token/`, {
      token: staff.token,
      scheme: "Token",
      params: { uuid: user.json.uuid },
    });
    expect(tok.status).toBe(200);
    expectSeedShape(
      tok.json,
      { ...seed.tokenResponse, user_username: userBody.username, user_last_name: suffix },
      VOLATILE,
    );
    waldurTokenOutput.parse(tok.json);

    // The service account's token works (Token scheme) and manages the offering it was granted.
    const me = await call(listMine, "GET", "/api/me", { token: tok.json.token, scheme: "Token" });
    expect(me.status).toBe(200);
    expect(me.json.username).toBe(userBody.username);

    // 7. POST refresh_token/ (Staff Token) → 201, a new token; the old one is refused
    const fresh = await call(refreshToken, "POST", `/api/users/${user.json.uuid}/refresh_token/`, {
      token: staff.token,
      scheme: "Token",
      params: { uuid: user.json.uuid },
      headers: { "content-type": "application/json" },
    });
    expect(fresh.status).toBe(201);
    expectSeedShape(
      fresh.json,
      { ...seed.refreshTokenResponse, user_username: userBody.username, user_last_name: suffix },
      VOLATILE,
    );
    expect(fresh.json.token).not.toBe(tok.json.token);
    expect((await call(listMine, "GET", "/api/me", { token: tok.json.token, scheme: "Token" })).status).toBe(401);
    expect((await call(listMine, "GET", "/api/me", { token: fresh.json.token, scheme: "Token" })).status).toBe(200);
  });
});
