// ARGO's ProviderEndpointTest (ARGOeu/argo-accounting, src/test/java/org/accounting/system/ProviderEndpointTest.java),
// case by case, each named after ARGO's test method. ARGO generates a provider's id and takes `externalId`;
// seeds 002/003 (the wire contract) send the id, so these requests carry `id` (README: differences from ARGO).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { fetchCatalogue } from "@/lib/providers/catalogue-source";
import { importCatalogueDocument } from "@/lib/providers/import-catalogue";
import { config } from "@/lib/config";
import { call, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { POST as ASSOCIATE } from "../projects/[project_id]/associate/route";
import { POST as REGISTER_PROJECT } from "../projects/route";
import { DELETE, GET as FETCH, PATCH } from "./[provider_id]/route";
import { GET as LIST, POST as CREATE } from "./route";

let admin: TestUser;
const p = (id: string) => ({ params: { provider_id: id } });
const url = (id = "") => `/accounting-system/providers${id ? `/${encodeURIComponent(id)}` : ""}`;

beforeAll(async () => {
  admin = await createTestUser({ role: "admin" });
  // ARGO's setup loads the EOSC catalogue (its "sites" provider is used below); Portico imports the sample.
  await importCatalogueDocument(
    await getDb(),
    { actor: null, correlationId: "argo-suite" },
    await fetchCatalogue(config.catalogueUrl),
    "sample",
  );
});

async function createProvider(fields: Record<string, string>) {
  const res = await call(CREATE, "POST", url(), { token: admin.token, body: { id: unique("prov"), ...fields } });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; name: string; abbreviation: string; logo: string; website: string };
}

/** ARGO's `projectService.associateProjectWithProvider("777536", provider.id)`, through the API. */
async function associateWithProject(providerId: string) {
  const project = unique("777536");
  expect((await call(REGISTER_PROJECT, "POST", "/p", { token: admin.token, body: { id: project } })).status).toBe(201);
  const res = await call(ASSOCIATE, "POST", "/a", {
    token: admin.token,
    params: { project_id: project },
    body: { providers: [providerId] },
  });
  expect(res.status, res.text).toBe(200);
}

describe("ARGO ProviderEndpointTest", () => {
  it("fetchProvidersPaginationNotAuthenticated", async () => {
    expect((await call(LIST, "GET", url(), { token: "invalidToken" })).status).toBe(401);
  });

  it("fetchProvidersPagination", async () => {
    const res = await call(LIST, "GET", `${url()}?size=5`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.json.size_of_page).toBe(5);
  });

  it("createProviderNotAuthenticated", async () => {
    const res = await call(CREATE, "POST", url(), {
      token: "invalidToken",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(401);
  });

  it("createProviderRequestBodyIsEmpty", async () => {
    const res = await call(CREATE, "POST", url(), {
      token: admin.token,
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "The request body is empty." });
  });

  it("createProviderCannotConsumeContentType", async () => {
    const res = await call(CREATE, "POST", url(), { token: admin.token });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: 415, message: "Cannot consume content type." });
    // A body in another type is refused the same way, and nothing is stored.
    const id = unique("prov");
    const text = await call(CREATE, "POST", url(), {
      token: admin.token,
      rawBody: JSON.stringify({ id, name: id }),
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(text.json.message).toBe("Cannot consume content type.");
    expect((await call(FETCH, "GET", url(id), { token: admin.token, ...p(id) })).status).toBe(404);
  });

  it("createProviderNameIsEmpty", async () => {
    const res = await call(CREATE, "POST", url(), {
      token: admin.token,
      body: { id: unique("prov"), website: "test-provider-id" },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "name may not be empty." });
    expect(res.json.errors).toEqual({ name: ["name may not be empty."] });
  });

  it("createProvider", async () => {
    const request = {
      id: unique("test-id"),
      name: unique("test-name"),
      abbreviation: "test-abbreviation",
      logo: "test-logo",
      website: "test-website",
    };
    const response = await createProvider(request);
    expect(response).toEqual({ ...request, creator_id: admin.user.id });
  });

  it("deleteProviderNotAuthenticated", async () => {
    expect((await call(DELETE, "DELETE", url("sites"), { token: "invalidToken", ...p("sites") })).status).toBe(401);
  });

  it("deleteProviderNotFound", async () => {
    const res = await call(DELETE, "DELETE", url("lalala"), { token: admin.token, ...p("lalala") });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, message: "There is no Provider with the following id: lalala" });
  });

  it("deleteProviderProhibited", async () => {
    const res = await call(DELETE, "DELETE", url("sites"), { token: admin.token, ...p("sites") });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      code: 403,
      message: "You cannot delete a Provider which derives from EOSC-Portal.",
    });
  });

  it("deleteProviderBelongsToProjectProhibited", async () => {
    const provider = await createProvider({
      name: unique("delete-provider-name-prohibited"),
      abbreviation: "delete-provider-abbreviation-prohibited",
      logo: "delete-provider-logo-prohibited",
      website: "delete-provider-website-prohibited",
    });
    await associateWithProject(provider.id);
    const res = await call(DELETE, "DELETE", url(provider.id), { token: admin.token, ...p(provider.id) });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: 403, message: "You cannot delete a Provider which belongs to a Project." });
    expect((await call(FETCH, "GET", url(provider.id), { token: admin.token, ...p(provider.id) })).status).toBe(200);
  });

  it("deleteProvider", async () => {
    const provider = await createProvider({
      name: unique("delete-provider-name"),
      abbreviation: "delete-provider-abbreviation",
      logo: "delete-provider-logo",
      website: "delete-provider-website",
    });
    const res = await call(DELETE, "DELETE", url(provider.id), { token: admin.token, ...p(provider.id) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ code: 200, message: "Provider has been deleted successfully." });
  });

  it("updateProviderCannotConsumeContentType", async () => {
    const provider = await createProvider({ name: unique("update-provider-no-content-type-name") });
    const res = await call(PATCH, "PATCH", url(provider.id), {
      token: admin.token,
      ...p(provider.id),
      rawBody: JSON.stringify({ name: "changed" }),
    });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: 415, message: "Cannot consume content type." });
    expect((await call(FETCH, "GET", url(provider.id), { token: admin.token, ...p(provider.id) })).json.name).toBe(
      provider.name,
    );
  });

  it("updateProviderBelongsToProjectProhibited", async () => {
    const provider = await createProvider({ name: unique("update-provider-name-prohibited") });
    await associateWithProject(provider.id);
    const res = await call(PATCH, "PATCH", url(provider.id), {
      token: admin.token,
      ...p(provider.id),
      body: { name: `${provider.name}-new` },
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: 403, message: "You cannot update a Provider which belongs to a Project." });
    expect((await call(FETCH, "GET", url(provider.id), { token: admin.token, ...p(provider.id) })).json.name).toBe(
      provider.name,
    );
  });

  it("updateProviderNotAuthenticated", async () => {
    const res = await call(PATCH, "PATCH", url("556787878e-rrr"), {
      token: "invalidToken",
      ...p("556787878e-rrr"),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(401);
  });

  it("updateProviderNotFound", async () => {
    // ARGO's request has no body: the missing provider is reported before the empty body.
    const res = await call(PATCH, "PATCH", url("556787878e-rrr"), {
      token: admin.token,
      ...p("556787878e-rrr"),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      code: 404,
      message: "There is no Provider with the following id: 556787878e-rrr",
    });
  });

  it("updateProviderRequestBodyIsEmpty", async () => {
    const provider = await createProvider({ name: unique("update-provider-request-body-is-empty-name") });
    const res = await call(PATCH, "PATCH", url(provider.id), {
      token: admin.token,
      ...p(provider.id),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "The request body is empty." });
  });

  it("updateProviderNameExists", async () => {
    const provider = await createProvider({ name: unique("update-provider-name-exists-name") });
    const res = await call(PATCH, "PATCH", url(provider.id), {
      token: admin.token,
      ...p(provider.id),
      body: { name: "Swedish Infrastructure for Ecosystem Science" },
    });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      code: 409,
      message: "There is a Provider with name: Swedish Infrastructure for Ecosystem Science",
    });
    // Its own name is no conflict.
    const same = await call(PATCH, "PATCH", url(provider.id), {
      token: admin.token,
      ...p(provider.id),
      body: { name: provider.name, abbreviation: "SAME" },
    });
    expect(same.status, same.text).toBe(200);
  });

  it("updateProviderProhibited", async () => {
    const res = await call(PATCH, "PATCH", url("sites"), {
      token: admin.token,
      ...p("sites"),
      body: {
        name: unique("update-provider-prohibited-name"),
        abbreviation: "update-provider-prohibited-abbreviation",
        logo: "update-provider-prohibited-logo",
        website: "update-provider-prohibited-website",
      },
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      code: 403,
      message: "You cannot update a Provider which derives from EOSC-Portal.",
    });
  });

  it("updateProvider", async () => {
    const provider = await createProvider({
      name: unique("update-providers-name"),
      abbreviation: "update-provider-abbreviation",
      logo: "update-provider-logo",
      website: "update-provider-website",
    });
    const requestForUpdating = {
      name: `${provider.name}-new`,
      abbreviation: "update-provider-abbreviation-new",
      logo: "update-provider-logo-new",
      website: "update-provider-website-new",
    };
    const res = await call(PATCH, "PATCH", url(provider.id), {
      token: admin.token,
      ...p(provider.id),
      body: requestForUpdating,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject(requestForUpdating);
  });

  it("fetchProviderNotAuthenticated", async () => {
    expect((await call(FETCH, "GET", url("sites"), { token: "invalidToken", ...p("sites") })).status).toBe(401);
  });

  it("fetchProviderNotFound", async () => {
    const res = await call(FETCH, "GET", url("lalala"), { token: admin.token, ...p("lalala") });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, message: "There is no Provider with the following id: lalala" });
  });

  it("fetchProvider", async () => {
    const res = await call(FETCH, "GET", url("sites"), { token: admin.token, ...p("sites") });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: "sites",
      name: "Swedish Infrastructure for Ecosystem Science",
      abbreviation: "SITES",
      website: "https://www.fieldsites.se/en-GB",
      logo: "https://dst15js82dk7j.cloudfront.net/231546/95187636-P5q11.png",
    });
  });
});

describe("ARGO's provider rules beyond its test methods", () => {
  it("createProviderNameExists: a second provider with a taken name is refused with 409 and nothing stored", async () => {
    const first = await createProvider({ name: unique("taken-name") });
    const id = unique("prov");
    const res = await call(CREATE, "POST", url(), { token: admin.token, body: { id, name: first.name } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 409, message: `There is a Provider with name: ${first.name}` });
    expect((await call(FETCH, "GET", url(id), { token: admin.token, ...p(id) })).status).toBe(404);
  });
});
