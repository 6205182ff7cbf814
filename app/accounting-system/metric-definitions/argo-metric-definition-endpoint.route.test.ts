// ARGO's MetricDefinitionEndpointTest (ARGOeu/argo-accounting), case by case, each named after ARGO's test method.
// ARGO mocks "a Metric is assigned to it"; here a real installation measures with the definition.
// Not ported: updateMetricDefinitionWithMapper (a unit test of ARGO's Java mapper, no HTTP).
import { beforeAll, describe, expect, it } from "vitest";
import { providers } from "@/drizzle/schema";
import { createInstallation } from "@/lib/accounting/installations";
import { associateProviders, registerProject } from "@/lib/accounting/projects";
import { getDb } from "@/lib/db/client";
import { call, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { DELETE, GET as FETCH, PATCH } from "./[id]/route";
import { GET as LIST, POST as CREATE } from "./route";

let admin: TestUser;
const url = "/accounting-system/metric-definitions";
const json = { "content-type": "application/json" };
const one = (id: string) => ({ params: { id } });
const request = (extra: Record<string, unknown> = {}) => ({
  metric_name: unique("metric"),
  metric_description: "description",
  unit_type: "TB",
  metric_type: "aggregated",
  ...extra,
});

beforeAll(async () => {
  admin = await createTestUser({ role: "admin" });
});

async function createMetricDefinition(body: Record<string, unknown>) {
  const res = await call(CREATE, "POST", url, { token: admin.token, body });
  expect(res.status, res.text).toBe(201);
  return res.json as Record<string, string>;
}

/** ARGO's "there is a Metric assigned to it": an installation measures its unit of access with the definition. */
async function assignMetric(definitionId: string) {
  const db = await getDb();
  const ctx = { db, actor: admin.actor, correlationId: unique("c") };
  const provider = unique("prov");
  await db.insert(providers).values({ id: provider, name: provider, source: "argo", creatorId: admin.user.id });
  const project = unique("proj");
  await registerProject(ctx, { id: project });
  await associateProviders(ctx, project, { providers: [provider] });
  await createInstallation(ctx, {
    project,
    organisation: provider,
    infrastructure: "infra",
    installation: unique("inst"),
    unit_of_access: definitionId,
  });
}

describe("ARGO MetricDefinitionEndpointTest", () => {
  it("createMetricDefinitionNotAuthenticated", async () => {
    expect((await call(CREATE, "POST", url, { token: "invalidToken", headers: json })).status).toBe(401);
  });

  it("createMetricDefinitionRequestBodyIsEmpty", async () => {
    const res = await call(CREATE, "POST", url, { token: admin.token, headers: json });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "The request body is empty." });
  });

  it("createMetricDefinitionCannotConsumeContentType", async () => {
    const res = await call(CREATE, "POST", url, { token: admin.token });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: 415, message: "Cannot consume content type." });
  });

  it("createMetricDefinitionNoUnitType", async () => {
    const res = await call(CREATE, "POST", url, { token: admin.token, body: request({ unit_type: "SECOND" }) });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, message: "There is no unit type : SECOND" });
  });

  it("createMetricDefinitionNoMetricType", async () => {
    const res = await call(CREATE, "POST", url, {
      token: admin.token,
      body: request({ metric_type: "no_metric_type" }),
    });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 404, message: "There is no metric type : no_metric_type" });
  });

  it("createMetricDefinitionMetricNameIsEmpty", async () => {
    const body: Record<string, unknown> = request();
    delete body.metric_name;
    const res = await call(CREATE, "POST", url, { token: admin.token, body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "metric_name may not be empty." });
  });

  it("createMetricDefinitionUnitTypeIsEmpty", async () => {
    const res = await call(CREATE, "POST", url, { token: admin.token, body: request({ unit_type: "" }) });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "unit_type may not be empty." });
  });

  it("createMetricDefinitionMetricTypeIsEmpty", async () => {
    const body: Record<string, unknown> = request();
    delete body.metric_type;
    const res = await call(CREATE, "POST", url, { token: admin.token, body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, message: "metric_type may not be empty." });
  });

  it("createMetricDefinitionSimilar", async () => {
    const body = request();
    const first = await createMetricDefinition(body);
    const res = await call(CREATE, "POST", url, { token: admin.token, body });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(
      `There is a Metric Definition with unit type TB and name ${body.metric_name}. Its id is ${first.metric_definition_id}`,
    );
  });

  it("createMetricDefinitionSimilarLowerCase", async () => {
    const body = request();
    const first = await createMetricDefinition(body);
    const upper = { ...body, metric_name: body.metric_name.toUpperCase() };
    const res = await call(CREATE, "POST", url, { token: admin.token, body: upper });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(
      `There is a Metric Definition with unit type TB and name ${upper.metric_name}. Its id is ${first.metric_definition_id}`,
    );
  });

  it("createMetricDefinition", async () => {
    const body = request();
    const created = await createMetricDefinition(body);
    expect(created).toEqual({ ...body, metric_definition_id: created.metric_definition_id, creator_id: admin.user.id });
  });

  it("updateMetricDefinitionWithMetricsIsNotAllowed", async () => {
    const definition = await createMetricDefinition(request());
    await assignMetric(definition.metric_definition_id);
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      body: {
        metric_name: unique("update"),
        metric_description: "updatedDescription",
        unit_type: "TB/year",
        metric_type: "count",
      },
    });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe("The Metric Definition cannot be updated. There is a Metric assigned to it.");
  });

  it("updateMetricDefinitionCannotConsumeContentType", async () => {
    const definition = await createMetricDefinition(request());
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      rawBody: JSON.stringify(request()),
    });
    expect(res.status).toBe(415);
    expect(res.json.message).toBe("Cannot consume content type.");
  });

  it("updateMetricDefinitionNotAuthenticated", async () => {
    const res = await call(PATCH, "PATCH", url, { token: "invalidToken", ...one("556787878e-rrr"), headers: json });
    expect(res.status).toBe(401);
  });

  it("updateMetricDefinitionNotFound", async () => {
    const res = await call(PATCH, "PATCH", url, { token: admin.token, ...one("556787878e-rrr"), headers: json });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Metric Definition with the following id: 556787878e-rrr");
  });

  it("updateMetricDefinitionFull", async () => {
    const definition = await createMetricDefinition(request());
    const change = {
      metric_name: unique("update"),
      metric_description: "updatedDescription",
      unit_type: "TB/year",
      metric_type: "count",
    };
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      body: change,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ...definition, ...change });
  });

  it("updateMetricDefinitionPartial", async () => {
    const definition = await createMetricDefinition(request());
    const change = { metric_name: unique("update"), metric_description: "updatedDescription" };
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      body: change,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ...definition, ...change });
  });

  it("updateMetricDefinitionConflict", async () => {
    const first = request();
    await createMetricDefinition(first);
    const second = await createMetricDefinition(request());
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(second.metric_definition_id),
      body: { metric_name: first.metric_name },
    });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(
      "The combination of unit_type and metric_name should be unique. A Metric Definition with that combination has already been created.",
    );
  });

  it("updateMetricDefinitionNoUnitType", async () => {
    const definition = await createMetricDefinition(request());
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      body: { metric_name: unique("update"), metric_description: "updatedDescription", unit_type: "SECOND" },
    });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no unit type : SECOND");
  });

  it("updateMetricDefinitionNoMetricType", async () => {
    const definition = await createMetricDefinition(request());
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      body: {
        metric_name: unique("update"),
        metric_description: "updatedDescription",
        unit_type: "TB",
        metric_type: "no_metric_type",
      },
    });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no metric type : no_metric_type");
  });

  it("updateMetricDefinitionRequestBodyIsEmpty", async () => {
    const definition = await createMetricDefinition(request());
    const res = await call(PATCH, "PATCH", url, {
      token: admin.token,
      ...one(definition.metric_definition_id),
      headers: json,
    });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe("The request body is empty.");
  });

  it("fetchMetricDefinitionNotAuthenticated", async () => {
    const res = await call(FETCH, "GET", url, { token: "invalidToken", ...one("507f1f77bcf86cd799439011") });
    expect(res.status).toBe(401);
  });

  it("fetchMetricDefinitionNotFound", async () => {
    const res = await call(FETCH, "GET", url, { token: admin.token, ...one("507f1f77bcf86cd799439011") });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Metric Definition with the following id: 507f1f77bcf86cd799439011");
  });

  it("fetchMetricDefinitionNotFoundNonHexId", async () => {
    const res = await call(FETCH, "GET", url, { token: admin.token, ...one("iiejijirj33i3i") });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe(404);
  });

  it("fetchMetricDefinition", async () => {
    const definition = await createMetricDefinition(request());
    const res = await call(FETCH, "GET", url, { token: admin.token, ...one(definition.metric_definition_id) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(definition);
  });

  it("fetchAllMetricDefinitions", async () => {
    const total = async () => (await call(LIST, "GET", url, { token: admin.token })).json.total_elements as number;
    const before = await total();
    await createMetricDefinition(request());
    await createMetricDefinition(request({ unit_type: "TB/year" }));
    const res = await call(LIST, "GET", url, { token: admin.token });
    expect(res.status).toBe(200);
    // ARGO empties the collection before each case and expects 2; here the table is shared by the file's cases.
    expect(res.json.total_elements).toBe(before + 2);
    expect(await total()).toBe(before + 2);
  });

  it("deleteMetricDefinitionNotAuthenticated", async () => {
    expect((await call(DELETE, "DELETE", url, { token: "invalidToken", ...one("7dyebdheb7377e") })).status).toBe(401);
  });

  it("deleteMetricDefinitionNotFound", async () => {
    const res = await call(DELETE, "DELETE", url, { token: admin.token, ...one("7dyebdheb7377e") });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe("There is no Metric Definition with the following id: 7dyebdheb7377e");
  });

  it("deleteMetricDefinitionWithMetricsIsNotAllowed", async () => {
    // ARGO's request says "Tb": unit types are found whatever their case.
    const definition = await createMetricDefinition(request({ unit_type: "Tb" }));
    await assignMetric(definition.metric_definition_id);
    const res = await call(DELETE, "DELETE", url, { token: admin.token, ...one(definition.metric_definition_id) });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe("The Metric Definition cannot be deleted. There is a Metric assigned to it.");
  });

  it("deleteMetricDefinition", async () => {
    const definition = await createMetricDefinition(request());
    const res = await call(DELETE, "DELETE", url, { token: admin.token, ...one(definition.metric_definition_id) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ code: 200, message: "Metric Definition has been deleted successfully." });
  });
});
