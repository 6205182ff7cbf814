// ARGO's InstallationEndpointTest (ARGOeu/argo-accounting), case by case, each named after ARGO's test method.
// ARGO's "777536"/"grnet" are a project and a provider of each case's own, associated as ARGO's cases associate them.
import { beforeAll, describe, expect, it } from "vitest";
import { providers } from "@/drizzle/schema";
import { associateProviders, registerProject } from "@/lib/accounting/projects";
import { getDb } from "@/lib/db/client";
import { call, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { POST as CREATE_DEFINITION } from "../metric-definitions/route";
import { DELETE, GET as FETCH, PATCH } from "./[id]/route";
import { POST as POST_METRIC } from "./[id]/metrics/route";
import { POST as CREATE } from "./route";

let admin: TestUser;
const url = "/accounting-system/installations";
const json = { "content-type": "application/json" };
const one = (id: string) => ({ params: { id } });

beforeAll(async () => {
  admin = await createTestUser({ role: "admin" });
});

/** A project ("777536") associated with a provider ("grnet"), and a metric definition for the unit of access. */
async function world(unitType = "TB") {
  const db = await getDb();
  const ctx = { db, actor: admin.actor, correlationId: unique("c") };
  const organisation = unique("grnet");
  await db.insert(providers).values({ id: organisation, name: organisation, source: "argo", creatorId: admin.user.id });
  const project = unique("777536");
  await registerProject(ctx, { id: project });
  await associateProviders(ctx, project, { providers: [organisation] });
  const definition = await call(CREATE_DEFINITION, "POST", "/d", {
    token: admin.token,
    body: {
      metric_name: unique("metric"),
      metric_description: "description",
      unit_type: unitType,
      metric_type: "aggregated",
    },
  });
  expect(definition.status, definition.text).toBe(201);
  return { project, organisation, unitOfAccess: definition.json.metric_definition_id as string };
}

const request = (w: Awaited<ReturnType<typeof world>>, installation = "SECOND") => ({
  project: w.project,
  organisation: w.organisation,
  infrastructure: "okeanos-knossos",
  installation,
  unit_of_access: w.unitOfAccess,
});

async function createInstallation(body: Record<string, unknown>) {
  const res = await call(CREATE, "POST", url, { token: admin.token, body });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; unit_of_access: { metric_definition_id: string } } & Record<string, unknown>;
}

describe("ARGO InstallationEndpointTest", () => {
  it("createInstallationNotAuthenticated", async () => {
    expect((await call(CREATE, "POST", url, { token: "invalidToken", headers: json })).status).toBe(401);
  });

  it("createInstallationRequestBodyIsEmpty", async () => {
    const res = await call(CREATE, "POST", url, { token: admin.token, headers: json });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe("The request body is empty.");
  });

  it("createInstallationCannotConsumeContentType", async () => {
    const res = await call(CREATE, "POST", url, { token: admin.token });
    expect(res.status).toBe(415);
    expect(res.json.message).toBe("Cannot consume content type.");
  });

  it("createInstallationNoProvider", async () => {
    const w = await world();
    const body = { ...request(w), project: unique("7775905") };
    const res = await call(CREATE, "POST", url, { token: admin.token, body });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Project with the following id: ${body.project}`);
  });

  it("createInstallationNoRequiredEntities", async () => {
    const w = await world();
    const noDefinition = await call(CREATE, "POST", url, {
      token: admin.token,
      body: { ...request(w), unit_of_access: "507f1f77bcf86cd799439011" },
    });
    expect(noDefinition.status).toBe(404);
    expect(noDefinition.json.message).toBe(
      "There is no Metric Definition with the following id: 507f1f77bcf86cd799439011",
    );
    const noProvider = await call(CREATE, "POST", url, {
      token: admin.token,
      body: { ...request(w), organisation: w.organisation.toUpperCase() },
    });
    expect(noProvider.status).toBe(404);
    expect(noProvider.json.message).toBe(`There is no Provider with the following id: ${w.organisation.toUpperCase()}`);
  });

  it("createInstallationNoRequiredAttributes", async () => {
    const w = await world();
    const noOrganisation: Record<string, unknown> = request(w);
    delete noOrganisation.organisation;
    const a = await call(CREATE, "POST", url, { token: admin.token, body: noOrganisation });
    expect(a.status).toBe(400);
    expect(a.json.message).toBe("organisation may not be empty.");
    const noInstallation: Record<string, unknown> = request(w);
    delete noInstallation.installation;
    const b = await call(CREATE, "POST", url, { token: admin.token, body: noInstallation });
    expect(b.status).toBe(400);
    expect(b.json.message).toBe("installation may not be empty.");
  });

  it("createInstallationAlreadyExists", async () => {
    const w = await world();
    const installation = await createInstallation(request(w, "GRNET-KNS"));
    const res = await call(CREATE, "POST", url, { token: admin.token, body: request(w, "GRNET-KNS") });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(
      `There is an Installation with the following combination : {${w.project}, ${w.organisation}, GRNET-KNS}. Its id is ${installation.id}`,
    );
  });

  it("createInstallation", async () => {
    const w = await world();
    const response = await createInstallation(request(w));
    expect(response).toMatchObject({
      project: w.project,
      organisation: w.organisation,
      infrastructure: "okeanos-knossos",
      installation: "SECOND",
    });
    expect(response.unit_of_access.metric_definition_id).toBe(w.unitOfAccess);
  });

  it("deleteInstallationNotAuthenticated", async () => {
    expect((await call(DELETE, "DELETE", url, { token: "invalidToken", ...one("7dyebdheb7377e") })).status).toBe(401);
  });

  it("deleteInstallationNotFound", async () => {
    const res = await call(DELETE, "DELETE", url, { token: admin.token, ...one("7dyebdheb7377e") });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Installation with the following id: 7dyebdheb7377e");
  });

  it("deleteInstallation", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    const res = await call(DELETE, "DELETE", url, { token: admin.token, ...one(installation.id) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ code: 200, message: "Installation has been deleted successfully." });
  });

  it("deleteInstallationNotAllowed", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    for (const [start, end] of [
      ["2020-01-05T09:15:07Z", "2020-01-05T09:18:07Z"],
      ["2021-01-05T09:15:07Z", "2021-01-05T09:18:07Z"],
    ]) {
      const posted = await call(POST_METRIC, "POST", "/m", {
        token: admin.token,
        ...one(installation.id),
        body: { metric_definition_id: w.unitOfAccess, time_period_start: start, time_period_end: end, value: 10.8 },
      });
      expect(posted.status, posted.text).toBe(201);
    }
    const res = await call(DELETE, "DELETE", url, { token: admin.token, ...one(installation.id) });
    expect(res.status).toBe(403);
    expect(res.json.message).toBe("Deleting an Installation is not allowed if there are Metrics assigned to it.");
    expect((await call(FETCH, "GET", url, { token: admin.token, ...one(installation.id) })).status).toBe(200);
  });

  it("fetchInstallationNotAuthenticated", async () => {
    expect((await call(FETCH, "GET", url, { token: "invalidToken", ...one("507f1f77bcf86cd799439011") })).status).toBe(
      401,
    );
  });

  it("fetchInstallationNotFound", async () => {
    const res = await call(FETCH, "GET", url, { token: admin.token, ...one("507f1f77bcf86cd799439011") });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Installation with the following id: 507f1f77bcf86cd799439011");
  });

  it("fetchInstallationNotFoundNonHexId", async () => {
    const res = await call(FETCH, "GET", url, { token: admin.token, ...one("iiejijirj33i3i") });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe(404);
  });

  it("fetchInstallation", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    const res = await call(FETCH, "GET", url, { token: admin.token, ...one(installation.id) });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(installation.id);
  });

  it("updateInstallationNotAuthenticated", async () => {
    const res = await call(PATCH, "PATCH", url, { token: "invalidToken", ...one("556787878e-rrr"), headers: json });
    expect(res.status).toBe(401);
  });

  it("updateInstallationNotFound", async () => {
    const res = await call(PATCH, "PATCH", url, { token: admin.token, ...one("556787878e-rrr"), headers: json });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Installation with the following id: 556787878e-rrr");
  });

  it("updateInstallationRequestBodyIsEmpty", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    const res = await call(PATCH, "PATCH", url, { token: admin.token, ...one(installation.id), headers: json });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe("The request body is empty.");
  });

  it("updateInstallationNoMetricDefinition", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(installation.id),
      body: { unit_of_access: "507f1f77bcf86cd799439011" },
    });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Metric Definition with the following id: 507f1f77bcf86cd799439011");
  });

  it("updateInstallationPartial", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    const change = { infrastructure: "okeanos-knossos-test", installation: "installation-test" };
    const res = await call(PATCH, "PATCH", url, { token: admin.token, ...one(installation.id), body: change });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ organisation: w.organisation, ...change });
    expect(res.json.unit_of_access.metric_definition_id).toBe(w.unitOfAccess);
  });

  it("updateInstallation", async () => {
    const w = await world();
    const installation = await createInstallation(request(w));
    const other = await world("TB/year");
    const change = {
      infrastructure: "okeanos-knossos-test",
      installation: "installation-test",
      unit_of_access: other.unitOfAccess,
    };
    const res = await call(PATCH, "PATCH", url, { token: admin.token, ...one(installation.id), body: change });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ infrastructure: change.infrastructure, installation: change.installation });
    expect(res.json.unit_of_access.metric_definition_id).toBe(other.unitOfAccess);
  });

  it("updateInstallationConflict", async () => {
    const w = await world();
    const installation = await createInstallation(request(w, "GRNET-KNS"));
    const installation2 = await createInstallation(request(w, "GRNET-KNS-2"));
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(installation.id),
      body: { infrastructure: "okeanos-knossos", installation: "GRNET-KNS-2" },
    });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(
      `There is an Installation with the following combination : {${w.project}, ${w.organisation}, GRNET-KNS-2}. Its id is ${installation2.id}`,
    );
  });
});

describe("installations beyond ARGO's test methods", () => {
  it("refuses a provider the project is not associated with (409) and stores nothing", async () => {
    const w = await world();
    const stranger = unique("prov");
    await (
      await getDb()
    )
      .insert(providers)
      .values({ id: stranger, name: stranger, source: "argo", creatorId: admin.user.id });
    const res = await call(CREATE, "POST", url, {
      token: admin.token,
      body: { ...request(w), organisation: stranger },
    });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(`There is no Provider with id ${stranger} associated with Project ${w.project}.`);
  });
});
