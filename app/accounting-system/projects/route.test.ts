import { describe, expect, it } from "vitest";
import { GET as GET_CAPS, POST as POST_CAP } from "@/app/accounting-system/installations/[id]/capacities/route";
import { DELETE as DELETE_CAP } from "@/app/accounting-system/installations/[id]/capacities/[capacityId]/route";
import {
  DELETE as DELETE_METRIC,
  GET as GET_METRIC,
  PATCH as PATCH_METRIC,
} from "@/app/accounting-system/installations/[id]/metrics/[metricId]/route";
import { GET as LIST_METRICS, POST as POST_METRIC } from "@/app/accounting-system/installations/[id]/metrics/route";
import {
  DELETE as DELETE_INST,
  GET as GET_INST,
  PATCH as PATCH_INST,
} from "@/app/accounting-system/installations/[id]/route";
import { POST as CREATE_INST } from "@/app/accounting-system/installations/route";
import {
  DELETE as DELETE_DEF,
  GET as GET_DEF,
  PATCH as PATCH_DEF,
} from "@/app/accounting-system/metric-definitions/[id]/route";
import { GET as LIST_DEFS, POST as CREATE_DEF } from "@/app/accounting-system/metric-definitions/route";
import { GET as GLOBAL_REPORT } from "@/app/accounting-system/providers/[provider_id]/report/route";
import { providers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { call, createTestUser, unique } from "@/lib/testing/fixtures";
import { POST as ASSOCIATE } from "./[project_id]/associate/route";
import { POST as DISSOCIATE } from "./[project_id]/dissociate/route";
import { GET as PROJECT_INSTALLATIONS } from "./[project_id]/installations/route";
import { GET as PROVIDER_INSTALLATIONS } from "./[project_id]/providers/[provider_id]/installations/route";
import { GET as GET_PROJECT } from "./[project_id]/route";
import { GET as LIST_PROJECTS, POST as REGISTER } from "./route";

describe("ARGO accounting resources", () => {
  it("walks metric definitions, projects, associations, installations, capacities and metrics end to end", async () => {
    const admin = await createTestUser({ role: "admin" });
    const owner = await createTestUser();
    const db = await getDb();
    const [a, b] = [unique("prov"), unique("prov")];
    await db.insert(providers).values(
      [a, b].map((id) => ({
        id,
        name: `P ${id}`,
        source: "argo" as const,
        creatorId: owner.user.id,
        ownerUserId: owner.user.id,
      })),
    );

    // metric definitions
    const def = await call(CREATE_DEF, "POST", "/accounting-system/metric-definitions", {
      token: owner.token,
      body: { metric_name: "cpu", metric_description: "CPU time", unit_type: "hours", metric_type: "aggregated" },
    });
    expect(def.status, def.text).toBe(201);
    expect(def.json).toMatchObject({ metric_name: "cpu", unit_type: "hours", creator_id: owner.user.id });
    expect(def.json.metric_definition_id).toMatch(/^[0-9a-f]{24}$/);
    const defId = def.json.metric_definition_id;
    expect(
      (
        await call(CREATE_DEF, "POST", "/accounting-system/metric-definitions", {
          token: owner.token,
          body: { metric_name: "", unit_type: "x", metric_type: "y", extra: 1 },
        })
      ).status,
    ).toBe(400);
    const list = await call(LIST_DEFS, "GET", "/accounting-system/metric-definitions?page=1&size=1", {
      token: owner.token,
    });
    expect(list.json).toMatchObject({ size_of_page: 1, number_of_page: 1 });
    expect(list.json.content).toHaveLength(1);
    expect((await call(GET_DEF, "GET", `/x`, { token: owner.token, params: { id: defId } })).json.metric_name).toBe(
      "cpu",
    );
    expect(
      (
        await call(PATCH_DEF, "PATCH", `/x`, {
          token: owner.token,
          params: { id: defId },
          body: { metric_description: "CPU core hours" },
        })
      ).json.metric_description,
    ).toBe("CPU core hours");

    // projects (admin registers) and associations
    const projectId = unique("proj");
    expect(
      (await call(REGISTER, "POST", "/accounting-system/projects", { token: owner.token, body: { id: projectId } }))
        .status,
    ).toBe(403);
    const reg = await call(REGISTER, "POST", "/accounting-system/projects", {
      token: admin.token,
      body: {
        id: projectId,
        acronym: "EGI",
        title: "EGI-ACE",
        start_date: "2021-01-01",
        end_date: "2023-06-30",
        call_identifier: "H2020-INFRAEOSC-2020-2",
      },
    });
    expect(reg.status, reg.text).toBe(201);
    expect(
      (await call(REGISTER, "POST", "/accounting-system/projects", { token: admin.token, body: { id: projectId } }))
        .status,
    ).toBe(409);
    const assoc = await call(ASSOCIATE, "POST", "/x", {
      token: owner.token,
      params: { project_id: projectId },
      body: { providers: [a, b] },
    });
    expect(assoc.json).toEqual({
      code: 200,
      message: `The following providers [${a}, ${b}] have been associated with Project ${projectId}`,
    });
    expect(
      (
        await call(ASSOCIATE, "POST", "/x", {
          token: owner.token,
          params: { project_id: projectId },
          body: { providers: ["missing-provider"] },
        })
      ).status,
    ).toBe(404);

    // installations
    const instBody = {
      project: projectId,
      organisation: a,
      infrastructure: "okeanos",
      installation: "KNS",
      resource: "cloud",
      external_id: unique("ext"),
      unit_of_access: defId,
    };
    expect(
      (
        await call(CREATE_INST, "POST", "/x", {
          token: admin.token,
          body: { ...instBody, organisation: "not-associated" },
        })
      ).json,
    ).toMatchObject({ code: 404, message: "There is no Provider with the following id: not-associated" });
    const inst = await call(CREATE_INST, "POST", "/x", { token: owner.token, body: instBody });
    expect(inst.status, inst.text).toBe(201);
    expect(inst.json).toMatchObject({
      project: projectId,
      organisation: a,
      unit_of_access: { metric_definition_id: defId, metric_name: "cpu" },
    });
    const instId = inst.json.id;
    expect((await call(GET_INST, "GET", "/x", { token: owner.token, params: { id: instId } })).json.installation).toBe(
      "KNS",
    );
    expect(
      (
        await call(PATCH_INST, "PATCH", "/x", {
          token: owner.token,
          params: { id: instId },
          body: { installation: "KNS-2", resource: null },
        })
      ).json,
    ).toMatchObject({ installation: "KNS-2", resource: "cloud" });
    expect(
      (await call(GET_INST, "GET", "/x", { token: (await createTestUser()).token, params: { id: instId } })).status,
    ).toBe(403);

    const tree = await call(GET_PROJECT, "GET", "/x", { token: owner.token, params: { project_id: projectId } });
    expect(tree.json).toMatchObject({ id: projectId, acronym: "EGI" });
    expect(tree.json.providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: a, installations: [expect.objectContaining({ id: instId })] }),
        expect.objectContaining({ id: b, installations: [] }),
      ]),
    );
    const projects = await call(LIST_PROJECTS, "GET", "/accounting-system/projects?size=100", { token: owner.token });
    expect(projects.json.content.some((p: { id: string }) => p.id === projectId)).toBe(true);
    expect(
      (await call(PROJECT_INSTALLATIONS, "GET", "/x", { token: owner.token, params: { project_id: projectId } })).json
        .total_elements,
    ).toBe(1);
    expect(
      (
        await call(PROVIDER_INSTALLATIONS, "GET", "/x", {
          token: owner.token,
          params: { project_id: projectId, provider_id: b },
        })
      ).json.total_elements,
    ).toBe(0);
    expect(
      (
        await call(PROJECT_INSTALLATIONS, "GET", "/x", {
          token: (await createTestUser()).token,
          params: { project_id: projectId },
        })
      ).json.total_elements,
    ).toBe(0);

    // dissociation is refused while installations exist
    const busy = await call(DISSOCIATE, "POST", "/x", {
      token: owner.token,
      params: { project_id: projectId },
      body: { providers: [a] },
    });
    expect(busy.status).toBe(409);
    expect(
      (
        await call(DISSOCIATE, "POST", "/x", {
          token: owner.token,
          params: { project_id: projectId },
          body: { providers: [b] },
        })
      ).json.code,
    ).toBe(200);

    // capacities
    const badCap = await call(POST_CAP, "POST", "/x", {
      token: owner.token,
      params: { id: instId },
      body: { metric_definition_id: defId, value: 10, registered_on: "2024-01-01T12:00:00Z" },
    });
    expect(badCap.status).toBe(400);
    const cap = await call(POST_CAP, "POST", "/x", {
      token: owner.token,
      params: { id: instId },
      body: { metric_definition_id: defId, value: 10, registered_on: "2024-01-01" },
    });
    expect(cap.status, cap.text).toBe(201);
    expect(cap.json).toMatchObject({ metric_definition_id: defId, value: 10, registered_on: "2024-01-01" });
    expect((await call(GET_CAPS, "GET", "/x", { token: owner.token, params: { id: instId } })).json).toHaveLength(1);
    expect(
      (await call(DELETE_CAP, "DELETE", "/x", { token: owner.token, params: { id: instId, capacityId: cap.json.id } }))
        .json.code,
    ).toBe(200);

    // metrics: post, correct, delete — the report follows each change
    const m = await call(POST_METRIC, "POST", "/x", {
      token: owner.token,
      params: { id: instId },
      body: {
        metric_definition_id: defId,
        time_period_start: "2024-02-01T00:00:00Z",
        time_period_end: "2024-02-03T00:00:00Z",
        value: 8,
      },
    });
    expect(m.status, m.text).toBe(201);
    const total = async () =>
      (
        await call(GLOBAL_REPORT, "GET", `/accounting-system/providers/${a}/report?start=2024-02-02&end=2024-02-28`, {
          token: owner.token,
          params: { provider_id: a },
        })
      ).json.aggregated_metrics[0]?.total_value ?? 0;
    expect(await total()).toBe(4);
    expect(
      (await call(GET_METRIC, "GET", "/x", { token: owner.token, params: { id: instId, metricId: m.json.metric_id } }))
        .json.value,
    ).toBe(8);
    const patched = await call(PATCH_METRIC, "PATCH", "/x", {
      token: owner.token,
      params: { id: instId, metricId: m.json.metric_id },
      body: { value: 20, time_period_start: "2024-02-02T00:00:00Z" },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(await total()).toBe(20);
    expect(
      (await call(LIST_METRICS, "GET", "/x", { token: owner.token, params: { id: instId } })).json.total_elements,
    ).toBe(1);
    expect(
      (await call(PATCH_DEF, "PATCH", "/x", { token: owner.token, params: { id: defId }, body: { unit_type: "days" } }))
        .status,
    ).toBe(409);
    expect(
      (
        await call(DELETE_METRIC, "DELETE", "/x", {
          token: owner.token,
          params: { id: instId, metricId: m.json.metric_id },
        })
      ).json.code,
    ).toBe(200);
    expect(await total()).toBe(0);
    expect(
      (await call(GET_METRIC, "GET", "/x", { token: owner.token, params: { id: instId, metricId: m.json.metric_id } }))
        .status,
    ).toBe(404);

    // deleting: the definition is in use by the installation until it goes
    expect((await call(DELETE_DEF, "DELETE", "/x", { token: owner.token, params: { id: defId } })).status).toBe(409);
    expect((await call(DELETE_INST, "DELETE", "/x", { token: owner.token, params: { id: instId } })).json).toEqual({
      code: 200,
      message: "Installation has been deleted successfully.",
    });
    expect((await call(DELETE_DEF, "DELETE", "/x", { token: owner.token, params: { id: defId } })).json).toEqual({
      code: 200,
      message: "Metric Definition has been deleted successfully.",
    });
  });
});
