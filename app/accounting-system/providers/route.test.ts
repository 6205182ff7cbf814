import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importCatalogueDocument } from "@/lib/providers/import-catalogue";
import { call, createTestOrganisation, createTestUser, unique } from "@/lib/testing/fixtures";
import { eq } from "drizzle-orm";
import { accountingProjects, installations, metricDefinitions, providers } from "@/drizzle/schema";
import { POST as setAcl } from "../projects/[project_id]/providers/[provider_id]/acl/[who]/route";
import { DELETE, GET as getOne, PATCH } from "./[provider_id]/route";
import { GET, POST } from "./route";
import { POST as search } from "./search/route";

const p = (id: string) => ({ params: { provider_id: id } });
const newProvider = (extra: Record<string, unknown> = {}) => ({
  id: unique("prov"),
  name: unique("Test Provider"), // ARGO refuses a name another provider has
  website: "https://example.org/",
  abbreviation: "TP",
  logo: "https://example.org/logo.png",
  ...extra,
});

describe("/accounting-system/providers", () => {
  it("validates creation with every field's message, refuses unknown fields, duplicates and support", async () => {
    const { token } = await createTestUser();
    const bad = await call(POST, "POST", "/accounting-system/providers", {
      token,
      body: { id: "", name: "", website: "javascript:alert(1)", colour: "red" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(400);
    expect(Object.keys(bad.json.errors).sort()).toEqual(expect.arrayContaining(["id", "name", "website"]));
    expect(
      (await call(POST, "POST", "/accounting-system/providers", { token, body: { id: "a/b", name: "x" } })).status,
    ).toBe(400);
    expect(
      (
        await call(POST, "POST", "/accounting-system/providers", {
          token,
          rawBody: "{oops",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);

    const body = newProvider();
    expect((await call(POST, "POST", "/accounting-system/providers", { token, body })).status).toBe(201);
    const dup = await call(POST, "POST", "/accounting-system/providers", { token, body: { ...body, name: "Other" } });
    expect(dup.status).toBe(409);
    expect(dup.json.message).toBe(`There is already a Provider with the following id: ${body.id}`);
    const support = await createTestUser({ role: "support" });
    expect(
      (await call(POST, "POST", "/accounting-system/providers", { token: support.token, body: newProvider() })).status,
    ).toBe(403);
    expect((await call(GET, "GET", "/accounting-system/providers")).status).toBe(401);
  });

  it("PATCH ignores empty and null values, renames ids, and only the creator or an admin may change or delete", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const admin = await createTestUser({ role: "admin" });
    const body = newProvider();
    await call(POST, "POST", "/accounting-system/providers", { token: owner.token, body });

    const ignored = await call(PATCH, "PATCH", `/accounting-system/providers/${body.id}`, {
      token: owner.token,
      ...p(body.id),
      body: { name: "", website: null, abbreviation: "NEW" },
    });
    expect(ignored.status).toBe(200);
    expect(ignored.json).toEqual({ ...body, abbreviation: "NEW", creator_id: owner.user.id });

    expect(
      (
        await call(PATCH, "PATCH", `/accounting-system/providers/${body.id}`, {
          token: other.token,
          ...p(body.id),
          body: { name: "Hijack" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(DELETE, "DELETE", `/accounting-system/providers/${body.id}`, { token: other.token, ...p(body.id) }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(PATCH, "PATCH", `/accounting-system/providers/${body.id}`, {
          token: owner.token,
          ...p(body.id),
          body: { nickname: "x" },
        })
      ).status,
    ).toBe(400);

    const taken = newProvider();
    await call(POST, "POST", "/accounting-system/providers", { token: other.token, body: taken });
    expect(
      (
        await call(PATCH, "PATCH", `/accounting-system/providers/${body.id}`, {
          token: owner.token,
          ...p(body.id),
          body: { id: taken.id },
        })
      ).status,
    ).toBe(409);

    const newId = unique("renamed");
    const renamed = await call(PATCH, "PATCH", `/accounting-system/providers/${body.id}`, {
      token: admin.token,
      ...p(body.id),
      body: { id: newId, creator_id: "ignored" },
    });
    expect(renamed.json).toMatchObject({ id: newId, creator_id: owner.user.id });
    expect((await call(getOne, "GET", "/x", { token: other.token, ...p(body.id) })).status).toBe(404);
    expect((await call(getOne, "GET", "/x", { token: other.token, ...p(newId) })).json.name).toBe(body.name);
    expect((await call(DELETE, "DELETE", "/x", { token: owner.token, ...p(newId) })).json).toEqual({
      code: 200,
      message: "Provider has been deleted successfully.",
    });
    expect((await call(DELETE, "DELETE", "/x", { token: owner.token, ...p(newId) })).status).toBe(404);
  });

  it("organisation owners manage their organisation's providers", async () => {
    const owner = await createTestUser();
    const org = await createTestOrganisation(owner.user.id);
    const db = await getDb();
    const id = unique("orgprov");
    await db.insert(providers).values({ id, name: "Org provider", source: "registration", organisationId: org.id });
    const res = await call(PATCH, "PATCH", "/x", { token: owner.token, ...p(id), body: { name: "Renamed by owner" } });
    expect(res.status).toBe(200);
    expect(res.json.name).toBe("Renamed by owner");
  });

  it("refuses PATCH and DELETE of catalogue providers with 403, even for admins, and lists every source", async () => {
    const admin = await createTestUser({ role: "admin" });
    const db = await getDb();
    const id = unique("cat");
    await importCatalogueDocument(
      db,
      { actor: null, correlationId: "t" },
      [{ id, name: "Catalogue One", website: "https://c.example/" }],
      "test",
    );
    const patch = await call(PATCH, "PATCH", "/x", { token: admin.token, ...p(id), body: { name: "Changed" } });
    expect(patch.status).toBe(403);
    expect(patch.json.message).toBe("You cannot update a Provider which derives from EOSC-Portal.");
    const del = await call(DELETE, "DELETE", "/x", { token: admin.token, ...p(id) });
    expect(del.status).toBe(403);
    expect(del.json.message).toBe("You cannot delete a Provider which derives from EOSC-Portal.");
    expect((await call(getOne, "GET", "/x", { token: admin.token, ...p(id) })).json).toMatchObject({
      id,
      name: "Catalogue One",
      creator_id: "",
    });

    const reg = unique("reg");
    await db.insert(providers).values({ id: reg, name: "Registered via UCloud", source: "registration" });
    const hits = await call(search, "POST", "/accounting-system/providers/search?size=100", {
      token: admin.token,
      body: { type: "query", field: "id", operand: "in", values: [id, reg] },
    });
    expect(hits.json.content.map((x: { id: string }) => x.id).sort()).toEqual([id, reg].sort());
  });
});

describe("project-scoped admin grants", () => {
  it("manage access for their project but do not change the provider's profile", async () => {
    const owner = await createTestUser();
    const projectAdmin = await createTestUser();
    const body = newProvider();
    await call(POST, "POST", "/accounting-system/providers", { token: owner.token, body });
    const acl = (who: string, project = "p-1") => ({ params: { project_id: project, provider_id: body.id, who } });
    expect(
      (
        await call(setAcl, "POST", "/acl", {
          token: owner.token,
          ...acl(projectAdmin.user.id),
          body: { roles: ["admin"] },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(PATCH, "PATCH", "/x", { token: projectAdmin.token, ...p(body.id), body: { name: "Taken over" } }))
        .status,
    ).toBe(403);
    expect((await call(DELETE, "DELETE", "/x", { token: projectAdmin.token, ...p(body.id) })).status).toBe(403);
    expect(
      (
        await call(setAcl, "POST", "/acl", {
          token: projectAdmin.token,
          ...acl(owner.user.username),
          body: { roles: ["viewer"] },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(setAcl, "POST", "/acl", {
          token: projectAdmin.token,
          ...acl(owner.user.username, "p-2"),
          body: { roles: ["viewer"] },
        })
      ).status,
    ).toBe(403);
  });
});

describe("/accounting-system/providers/search", () => {
  it("answers 400 naming the unknown field, operand or operator, and pages its results", async () => {
    const { token } = await createTestUser({ role: "admin" });
    const bad = await call(search, "POST", "/accounting-system/providers/search", {
      token,
      body: { type: "filter", operator: "AND", criteria: [{ type: "query", field: "secret", values: "x" }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/Unknown field 'secret'/);
    expect(bad.json.errors).toHaveProperty(["criteria[0].field"]);
    expect(
      (
        await call(search, "POST", "/s", {
          token,
          body: { type: "query", field: "name", values: "x", operand: "matches" },
        })
      ).json.message,
    ).toMatch(/Unknown operand 'matches'/);
    expect(
      (await call(search, "POST", "/s", { token, body: { type: "filter", operator: "NOT", criteria: [] } })).json
        .message,
    ).toMatch(/Unknown operator 'NOT'/);
    expect((await call(search, "POST", "/s", { token, body: [] })).status).toBe(400);

    const tag = unique("pg");
    const owner = await createTestUser();
    for (let i = 0; i < 5; i++)
      await call(POST, "POST", "/accounting-system/providers", {
        token: owner.token,
        body: newProvider({ id: `${tag}-${i}`, name: `Paged ${tag} ${i}` }),
      });
    const page2 = await call(search, "POST", "/accounting-system/providers/search?page=2&size=2", {
      token,
      body: { type: "query", field: "name", operand: "like", values: tag.toUpperCase() },
    });
    expect(page2.json).toMatchObject({ size_of_page: 2, number_of_page: 2, total_elements: 5, total_pages: 3 });
    expect(page2.json.content.map((x: { id: string }) => x.id)).toEqual([`${tag}-2`, `${tag}-3`]);
    expect(page2.json.content[0]).not.toHaveProperty("creator_id");
    expect(page2.json.links.find((l: { rel: string }) => l.rel === "next").href).toBe(
      "http://portico.test/accounting-system/providers/search?page=3&size=2",
    );
    // Past the end: the totals stay (the rows carry them otherwise), no content, prev back to the last page.
    const past = await call(search, "POST", "/accounting-system/providers/search?page=9&size=2", {
      token,
      body: { type: "query", field: "name", operand: "like", values: tag.toUpperCase() },
    });
    expect(past.json).toMatchObject({ size_of_page: 0, number_of_page: 9, total_elements: 5, total_pages: 3 });
    expect(past.json.content).toEqual([]);
    expect(past.json.links.find((l: { rel: string }) => l.rel === "prev").href).toMatch(/page=3&size=2$/);
  });

  it("needs the Provider ACL permission", async () => {
    const member = await createTestUser();
    const res = await call(search, "POST", "/s", {
      token: member.token,
      body: { type: "filter", operator: "AND", criteria: [] },
    });
    expect(res.status).toBe(403);
    // Registering a provider makes one its admin.
    await call(POST, "POST", "/accounting-system/providers", { token: member.token, body: newProvider() });
    expect(
      (
        await call(search, "POST", "/s", {
          token: member.token,
          body: { type: "filter", operator: "AND", criteria: [] },
        })
      ).status,
    ).toBe(200);
  });
});

describe("providers referenced by accounting", () => {
  it("a rename cascades to installations; deleting a provider with installations is a 409 and changes nothing", async () => {
    const db = await getDb();
    const owner = await createTestUser();
    const body = newProvider();
    await call(POST, "POST", "/accounting-system/providers", { token: owner.token, body });
    const project = unique("proj");
    await db.insert(accountingProjects).values({ id: project });
    const [metric] = await db
      .insert(metricDefinitions)
      .values({ id: unique("m"), metricName: "cpu", unitType: "hours", metricType: "aggregated" })
      .returning();
    const inst = unique("inst");
    await db.insert(installations).values({
      id: inst,
      projectId: project,
      providerId: body.id,
      infrastructure: "x",
      installation: "y",
      unitOfAccessPk: metric.pk,
    });

    const newId = unique("moved");
    expect((await call(PATCH, "PATCH", "/x", { token: owner.token, ...p(body.id), body: { id: newId } })).status).toBe(
      200,
    );
    expect((await db.select().from(installations).where(eq(installations.id, inst)))[0].providerId).toBe(newId);
    const refused = await call(DELETE, "DELETE", "/x", { token: owner.token, ...p(newId) });
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/installations/);
    expect((await call(getOne, "GET", "/x", { token: owner.token, ...p(newId) })).status).toBe(200);
  });
});
