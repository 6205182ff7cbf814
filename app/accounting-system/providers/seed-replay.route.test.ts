import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { importCatalogueDocument } from "@/lib/providers/import-catalogue";
import { fetchCatalogue } from "@/lib/providers/catalogue-source";
import { config } from "@/lib/config";
import { call, createTestUser } from "@/lib/testing/fixtures";
import { useFreshDatabase } from "@/lib/testing/fresh-database";
import { POST as createEntitlement } from "../admin/entitlements/route";
import { POST as assignEntitlement } from "../admin/entitlements/[id]/assign/[actor_id]/route";
import { POST as setAcl } from "../projects/[project_id]/providers/[provider_id]/acl/[who]/route";
import { DELETE, GET as getOne, PATCH } from "./[provider_id]/route";
import { GET, POST } from "./route";
import { POST as search } from "./search/route";
import seedPage2 from "./seed-002-page-2.json";

// Every request/response pair of seeds 002 and 003, on a database of its own (exact totals over the whole table).
let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useFreshDatabase();
});
afterAll(async () => drop());

const argoHost = { host: "acc.devel.argo.grnet.gr", "x-forwarded-proto": "https" };
const filler = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `filler-${from + i}`,
    name: `Filler ${from + i}`,
    website: "https://example.org/",
    abbreviation: `F${from + i}`,
    logo: "",
    creatorId: "someone",
    source: "argo" as const,
  }));

describe("seeds 002/003 replayed", () => {
  it("GET /providers?page=2&size=15 over 237 providers answers the seed's body", async () => {
    const db = await getDb();
    const { token } = await createTestUser();
    await db.insert(providers).values(filler(15, 1));
    await importCatalogueDocument(
      db,
      { actor: null, correlationId: "test" },
      await fetchCatalogue(config.catalogueUrl),
      "sample",
    );
    await db.insert(providers).values(filler(182, 16));
    const res = await call(GET, "GET", "/accounting-system/providers?page=2&size=15", { token, headers: argoHost });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(seedPage2);

    const first = await call(GET, "GET", "/accounting-system/providers", { token });
    expect(first.json).toMatchObject({ size_of_page: 10, number_of_page: 1, total_elements: 237, total_pages: 24 });
    expect(first.json.links.map((l: { rel: string }) => l.rel)).toEqual(["first", "last", "self", "next"]);
    expect(first.json.links[0].href).toBe("http://portico.test/accounting-system/providers?page=1&size=10");
    const past = await call(GET, "GET", "/accounting-system/providers?page=40&size=10", { token });
    expect(past.json).toMatchObject({
      size_of_page: 0,
      number_of_page: 40,
      total_elements: 237,
      total_pages: 24,
      content: [],
    });
    for (const q of ["page=0", "size=-1", "size=abc", "size=101"]) {
      const bad = await call(GET, "GET", `/accounting-system/providers?${q}`, { token });
      expect(bad.status, q).toBe(400);
      expect(bad.json.code).toBe(400);
      expect(bad.json.message).toMatch(q.split("=")[0]);
    }
  });

  it("POST, GET, PATCH and DELETE /providers answer as the seeds show", async () => {
    const { token, user } = await createTestUser();
    const grnet = {
      id: "grnet",
      name: "National Infrastructures for Research and Technology",
      website: "https://www.grnet.gr/",
      abbreviation: "GRNET",
      logo: "https://grnet.gr/wp-content/uploads/sites/13/2016/04/GRNET_Logo_Transparent-e1431694322566-1.png",
    };
    const created = await call(POST, "POST", "/accounting-system/providers", { token, body: grnet });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ ...grnet, creator_id: user.id });

    const osmooc = await call(getOne, "GET", "/accounting-system/providers/osmooc", {
      token,
      params: { provider_id: "osmooc" },
    });
    expect(osmooc.status).toBe(200);
    expect(osmooc.json).toEqual({
      id: "osmooc",
      name: "Open Science MOOC",
      website: "https://opensciencemooc.eu/",
      abbreviation: "OSMOOC",
      logo: "https://opensciencemooc.eu/assets/img/osm/osm-logo.png",
      creator_id: "",
    });

    // The seed's PATCH body, literally: every attribute replaced, id included.
    const patchBody = {
      id: "id to be updated",
      name: "name to be updated",
      website: "website to be updated",
      abbreviation: "abbreviation to be updated",
      logo: "logo to be updated",
    };
    const patched = await call(PATCH, "PATCH", "/accounting-system/providers/grnet", {
      token,
      params: { provider_id: "grnet" },
      body: patchBody,
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toEqual({ ...patchBody, creator_id: user.id });

    const deleted = await call(DELETE, "DELETE", "/accounting-system/providers/id%20to%20be%20updated", {
      token,
      params: { provider_id: "id to be updated" },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ code: 200, message: "Provider has been deleted successfully." });
    const gone = await call(getOne, "GET", "/accounting-system/providers/grnet", {
      token,
      params: { provider_id: "grnet" },
    });
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ code: 404, message: "There is no Provider with the following id: grnet" });
  });

  it("POST /providers/search answers the seed's examples", async () => {
    const { token } = await createTestUser({ role: "admin" });
    const example1 = { type: "query", field: "name", values: "European Space Agency", operand: "eq" };
    const one = await call(search, "POST", "/accounting-system/providers/search", { token, body: example1 });
    expect(one.status).toBe(200);
    expect(one.json.content.map((p: { id: string }) => p.id)).toEqual(["esa-int"]);

    const example2 = {
      type: "filter",
      operator: "OR",
      criteria: [example1, { type: "query", field: "abbreviation", values: "SITES", operand: "eq" }],
    };
    const two = await call(search, "POST", "/accounting-system/providers/search", { token, body: example2 });
    expect(two.status).toBe(200);
    expect(two.json).toEqual({
      size_of_page: 2,
      number_of_page: 1,
      total_elements: 2,
      total_pages: 1,
      content: [
        {
          id: "esa-int",
          name: "European Space Agency",
          website: "https://www.esa.int/",
          abbreviation: "ESA",
          logo: "https://www.esa.int/var/esa/storage/images/esa_multimedia/images/2014/03/b_esa_b/14337112-1-eng-GB/b_ESA_b_pillars.png",
        },
        {
          id: "sites",
          name: "Swedish Infrastructure for Ecosystem Science",
          website: "https://www.fieldsites.se/en-GB",
          abbreviation: "SITES",
          logo: "https://dst15js82dk7j.cloudfront.net/231546/95187636-P5q11.png",
        },
      ],
      links: [],
    });
  });

  it("entitlements and the older ACL answer the seeds' bodies", async () => {
    const admin = await createTestUser({ role: "admin" });
    const client = await createTestUser();
    const name = "urn:geant:sandbox.eosc-beyond.eu:core:integration:group:accounting:704029:surf-nl:role=admin";
    const created = await call(createEntitlement, "POST", "/accounting-system/admin/entitlements", {
      token: admin.token,
      body: { name },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ code: 201, message: "Entitlement created successfully." });
    const id = created.headers.get("location")!.split("/").pop()!;
    const assigned = await call(
      assignEntitlement,
      "POST",
      `/accounting-system/admin/entitlements/${id}/assign/${client.user.id}`,
      { token: admin.token, params: { id, actor_id: client.user.id } },
    );
    expect(assigned.status).toBe(200);
    expect(assigned.json).toEqual({ code: 200, message: "Entitlement was assigned successfully." });

    const acl = await call(
      setAcl,
      "POST",
      `/accounting-system/projects/704029/providers/surf-nl/acl/${client.user.username}`,
      {
        token: admin.token,
        params: { project_id: "704029", provider_id: "surf-nl", who: client.user.username },
        body: { roles: ["viewer"] },
      },
    );
    expect(acl.status).toBe(200);
    expect(acl.json).toEqual({ code: 200, message: "Provider Access Control was successfully created." });
  });
});
