import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditEvents } from "@/drizzle/schema";
import { call, createTestUser, db } from "@/lib/testing/fixtures";
import { GET } from "./route";
import { DELETE } from "../tokens/[id]/route";
import { POST as createToken } from "../tokens/route";

describe("GET /api/me", () => {
  it("answers who the token belongs to, with Bearer and with Token", async () => {
    const { user, token } = await createTestUser({ role: "support" });
    for (const scheme of ["Bearer", "Token"] as const) {
      const res = await call(GET, "GET", "/api/me", { token, scheme });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        id: user.id,
        username: user.username,
        role: "support",
        roles: ["support"],
        authenticatedVia: "token",
      });
    }
  });

  it("answers 401 in the portal error shape for a missing, unknown or malformed credential", async () => {
    for (const headers of [{}, { authorization: "Bearer ptk_unknown" }, { authorization: "Basic abc" }] as Record<
      string,
      string
    >[]) {
      const res = await call(GET, "GET", "/api/me", { headers: { ...headers, "x-correlation-id": "corr-401" } });
      expect(res.status).toBe(401);
      expect(res.headers.get("x-correlation-id")).toBe("corr-401");
      expect(res.json).toMatchObject({ statusCode: 401, correlationId: "corr-401", errors: [] });
    }
  });

  it("refuses a revoked token at once and an expired one", async () => {
    const { token } = await createTestUser();
    const created = await call(createToken, "POST", "/api/tokens", {
      token,
      body: { name: "short", expiresInDays: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.json.token).toMatch(/^ptk_[0-9A-Za-z]{46}$/);
    expect((await call(GET, "GET", "/api/me", { token: created.json.token })).status).toBe(200);

    const revoked = await call(DELETE, "DELETE", `/api/tokens/${created.json.id}`, {
      token,
      params: { id: created.json.id },
    });
    expect(revoked.json.status).toBe("revoked");
    expect((await call(GET, "GET", "/api/me", { token: created.json.token })).status).toBe(401);

    const other = await call(createToken, "POST", "/api/tokens", {
      token,
      body: { name: "soon expired", expiresInDays: 1 },
    });
    await (
      await db()
    )
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, other.json.id));
    expect((await call(GET, "GET", "/api/me", { token: other.json.token })).status).toBe(401);
  });

  it("never stores a token in clear and audits its creation without the secret", async () => {
    const { token } = await createTestUser();
    const created = await call(createToken, "POST", "/api/tokens", {
      token,
      body: { name: "audited" },
      headers: { "x-correlation-id": "corr-token-create" },
    });
    const [row] = await (await db()).select().from(apiTokens).where(eq(apiTokens.id, created.json.id));
    expect(JSON.stringify(row)).not.toContain(created.json.token);
    const events = await (
      await db()
    )
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.correlationId, "corr-token-create"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "token.create", entityId: created.json.id });
    expect(JSON.stringify(events[0])).not.toContain(created.json.token);
  });
});
