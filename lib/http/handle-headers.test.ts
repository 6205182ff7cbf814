import { describe, expect, it } from "vitest";
import { z } from "zod";
import { portalDialect } from "@/lib/dialects/portal/errors";
import { cloudcockpitOperations } from "@/lib/dialects/cloudcockpit/operations";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { tenantAccess } from "@/lib/tenancy/access";
import { errorResponse, handle } from "./handle";
import { defineOperation } from "./operation";

const op = defineOperation({
  method: "POST",
  path: "/api/test/headers",
  dialect: portalDialect,
  summary: "header validation",
  tags: ["test"],
  auth: "none",
  body: z.object({ name: z.string() }),
  headers: z.object({
    "X-Space": z.string().describe("the space's name."),
    "X-Count": z.coerce.number().int().min(1).optional(),
  }),
});
// Echoes what the handler received, typed by the operation's header schema.
const POST = handle(op, async ({ headers }) => ({
  body: { space: headers["X-Space"], count: headers["X-Count"] ?? null },
}));
const send = (headers: Record<string, string>, body: unknown = { name: "n" }) =>
  call(POST, "POST", op.path, { headers: { "x-correlation-id": "hdr-test", ...headers }, body });

describe("handle() validates declared headers", () => {
  it("reads them case-insensitively, trims and types them", async () => {
    const res = await send({ "x-space": "  blue  ", "X-COUNT": "3" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ space: "blue", count: 3 });
  });

  it("a missing or blank required header: 400 naming it, with its description, in the dialect's body", async () => {
    for (const headers of [{}, { "x-space": "   " }] as Record<string, string>[]) {
      const res = await send(headers);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        statusCode: 400,
        type: "Bad Request",
        description: "The X-Space header is required: the space's name.",
        correlationId: "hdr-test",
        errors: [{ propertyName: "X-Space", description: ["Required: the space's name."] }],
      });
    }
  });

  it("an invalid value: 400 with every header's own errors", async () => {
    const res = await send({ "x-count": "zero" });
    expect(res.status).toBe(400);
    expect(res.json.description).toMatch(/^The X-Space header is required/);
    expect(res.json.errors.map((e: { propertyName: string }) => e.propertyName).sort()).toEqual(["X-Count", "X-Space"]);
    const bad = await send({ "x-space": "blue", "x-count": "0" });
    expect(bad.json.description).toMatch(/^Invalid X-Count header: /);
    expect(bad.json.errors).toEqual([{ propertyName: "X-Count", description: [expect.any(String)] }]);
  });

  it("body errors come first, as they did before headers were declared", async () => {
    const res = await send({}, { name: 1 });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { propertyName: string }) => e.propertyName)).toEqual(["name"]);
  });
});

describe("X-Tenant on the /v1/ operations", () => {
  it("every one declares it; a missing one gets the same body tenantAccess gave before the declaration", async () => {
    const user = await createTestUser();
    const before = await tenantAccess(await getDb(), user.actor, null).catch((e: AppError) => e);
    expect(before).toBeInstanceOf(AppError);
    const expected = await errorResponse(cloudcockpitOperations[0], before, "cid-1").json();
    for (const o of cloudcockpitOperations) {
      expect(Object.keys(o.headers?.shape ?? {}), `${o.method} ${o.path}`).toEqual(["X-Tenant"]);
      expect(o.headers!.safeParse({}).success).toBe(false);
    }
    // Through handle(): GET /v1/Resellers without X-Tenant, or with a blank one.
    const { GET } = await import("@/app/v1/Resellers/route");
    for (const headers of [{}, { "x-tenant": " " }] as Record<string, string>[]) {
      const res = await call(GET, "GET", "/v1/Resellers", {
        token: user.token,
        headers: { "x-correlation-id": "cid-1", ...headers },
      });
      expect(res.status).toBe(400);
      expect(res.json).toEqual(expected);
    }
  });
});
