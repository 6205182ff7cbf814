// ARGO's UnitTypeEndpointTest and MetricTypeEndpointTest (ARGOeu/argo-accounting), case by case, each named
// after ARGO's test method. The two registries follow the same rules, so one suite runs for each.
import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestUser, unique, type TestUser } from "@/lib/testing/fixtures";
import { POST as CREATE_DEFINITION } from "../metric-definitions/route";
import {
  DELETE as DELETE_METRIC_TYPE,
  GET as GET_METRIC_TYPE,
  PATCH as PATCH_METRIC_TYPE,
} from "../metric-types/[id]/route";
import { GET as LIST_METRIC_TYPES, POST as CREATE_METRIC_TYPE } from "../metric-types/route";
import { DELETE as DELETE_UNIT_TYPE, GET as GET_UNIT_TYPE, PATCH as PATCH_UNIT_TYPE } from "./[id]/route";
import { GET as LIST_UNIT_TYPES, POST as CREATE_UNIT_TYPE } from "./route";

type Kind = {
  suite: string;
  /** ARGO's test-method stem: "UnitType" / "MetricType"; `descriptionCase` is its one irregular name. */
  stem: string;
  descriptionCase: string;
  label: string;
  field: "unit_type" | "metric_type";
  path: string;
  builtIn: string;
  handlers: {
    list: typeof LIST_UNIT_TYPES;
    create: typeof CREATE_UNIT_TYPE;
    get: typeof GET_UNIT_TYPE;
    patch: typeof PATCH_UNIT_TYPE;
    remove: typeof DELETE_UNIT_TYPE;
  };
  /** A metric definition naming `name` as this kind of type. */
  definition: (name: string) => Record<string, string>;
};

const KINDS: Kind[] = [
  {
    suite: "ARGO UnitTypeEndpointTest",
    stem: "UnitType",
    descriptionCase: "createUnitDescriptionIsEmpty",
    label: "Unit Type",
    field: "unit_type",
    path: "/accounting-system/unit-types",
    builtIn: "TB/year",
    handlers: {
      list: LIST_UNIT_TYPES,
      create: CREATE_UNIT_TYPE,
      get: GET_UNIT_TYPE,
      patch: PATCH_UNIT_TYPE,
      remove: DELETE_UNIT_TYPE,
    },
    definition: (name) => ({
      metric_name: unique("metric"),
      metric_description: "d",
      unit_type: name,
      metric_type: "aggregated",
    }),
  },
  {
    suite: "ARGO MetricTypeEndpointTest",
    stem: "MetricType",
    descriptionCase: "createMetricTypeDescriptionIsEmpty",
    label: "Metric Type",
    field: "metric_type",
    path: "/accounting-system/metric-types",
    builtIn: "aggregated",
    handlers: {
      list: LIST_METRIC_TYPES,
      create: CREATE_METRIC_TYPE,
      get: GET_METRIC_TYPE,
      patch: PATCH_METRIC_TYPE,
      remove: DELETE_METRIC_TYPE,
    },
    definition: (name) => ({
      metric_name: unique("metric"),
      metric_description: "d",
      unit_type: "TB",
      metric_type: name,
    }),
  },
];

let admin: TestUser;
beforeAll(async () => {
  admin = await createTestUser({ role: "admin" });
});
const json = { "content-type": "application/json" };

for (const k of KINDS) {
  const h = k.handlers;
  const one = (id: string) => ({ params: { id } });
  const create = async (name: string, description = "description") => {
    const res = await call(h.create, "POST", k.path, { token: admin.token, body: { [k.field]: name, description } });
    expect(res.status, res.text).toBe(201);
    return res.json as { id: string; description: string; creator_id: string } & Record<string, string>;
  };
  /** ARGO's service-registered type, found through the list. */
  const builtIn = async () => {
    const res = await call(h.list, "GET", `${k.path}?size=100`, { token: admin.token });
    const row = res.json.content.find((t: Record<string, string>) => t[k.field] === k.builtIn);
    expect(row, `${k.builtIn} is registered by the service`).toMatchObject({ creator_id: "" });
    return row as { id: string };
  };
  const define = async (name: string) => {
    const res = await call(CREATE_DEFINITION, "POST", "/d", { token: admin.token, body: k.definition(name) });
    expect(res.status, res.text).toBe(201);
  };
  const fetchName = async (id: string) =>
    (await call(h.get, "GET", `${k.path}/${id}`, { token: admin.token, ...one(id) })).json[k.field];

  describe(k.suite, () => {
    it(`create${k.stem}NotAuthenticated`, async () => {
      expect((await call(h.create, "POST", k.path, { token: "invalidToken", headers: json })).status).toBe(401);
    });

    it(`create${k.stem}RequestBodyIsEmpty`, async () => {
      const res = await call(h.create, "POST", k.path, { token: admin.token, headers: json });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 400, message: "The request body is empty." });
    });

    it(`create${k.stem}CannotConsumeContentType`, async () => {
      const res = await call(h.create, "POST", k.path, { token: admin.token });
      expect(res.status).toBe(415);
      expect(res.json).toMatchObject({ code: 415, message: "Cannot consume content type." });
    });

    it(`create${k.stem}IsEmpty`, async () => {
      const res = await call(h.create, "POST", k.path, { token: admin.token, body: { description: "description" } });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 400, message: `${k.field} may not be empty.` });
    });

    it(k.descriptionCase, async () => {
      const res = await call(h.create, "POST", k.path, { token: admin.token, body: { [k.field]: unique("t") } });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 400, message: "description may not be empty." });
    });

    it(`create${k.stem}Similar`, async () => {
      const name = unique(`${k.field}_similar`);
      const first = await create(name);
      const res = await call(h.create, "POST", k.path, {
        token: admin.token,
        body: { [k.field]: name, description: "d" },
      });
      expect(res.status).toBe(409);
      expect(res.json.message).toBe(
        `This ${k.label} already exists in the Accounting Service database. Its id is ${first.id}`,
      );
    });

    it(`create${k.stem}CaseInsensitive`, async () => {
      const name = unique(`${k.field}_case_insensitive`);
      const first = await create(name);
      const res = await call(h.create, "POST", k.path, {
        token: admin.token,
        body: { [k.field]: name.toUpperCase(), description: "d" },
      });
      expect(res.status).toBe(409);
      expect(res.json.message).toBe(
        `This ${k.label} already exists in the Accounting Service database. Its id is ${first.id}`,
      );
    });

    it(`create${k.stem}`, async () => {
      const name = unique(`${k.field}_new`);
      const created = await create(name);
      expect(created).toEqual({
        id: created.id,
        [k.field]: name,
        description: "description",
        creator_id: admin.user.id,
      });
      expect(created.id).toMatch(/^[0-9a-f]{24}$/);
    });

    it(`delete${k.stem}Authenticated`, async () => {
      const res = await call(h.remove, "DELETE", `${k.path}/7dyebdheb7377e`, {
        token: "invalidToken",
        ...one("7dyebdheb7377e"),
      });
      expect(res.status).toBe(401);
    });

    it(`delete${k.stem}NotFound`, async () => {
      const res = await call(h.remove, "DELETE", `${k.path}/7dyebdheb7377e`, {
        token: admin.token,
        ...one("7dyebdheb7377e"),
      });
      expect(res.status).toBe(404);
      expect(res.json.message).toBe(`There is no ${k.label} with the following id: 7dyebdheb7377e`);
    });

    it(`delete${k.stem}IsNotAllowed`, async () => {
      const type = await create(unique(`${k.field}_cannot_deleted`));
      await define(type[k.field]);
      const res = await call(h.remove, "DELETE", `${k.path}/${type.id}`, { token: admin.token, ...one(type.id) });
      expect(res.status).toBe(403);
      expect(res.json.message).toBe(
        `This ${k.label} is used in an existing Metric Definition, so you cannot delete it.`,
      );
      expect(await fetchName(type.id)).toBe(type[k.field]);
    });

    it(`delete${k.stem}RegisteredByAccountingServiceIsNotAllowed`, async () => {
      const { id } = await builtIn();
      const res = await call(h.remove, "DELETE", `${k.path}/${id}`, { token: admin.token, ...one(id) });
      expect(res.status).toBe(403);
      expect(res.json.message).toBe(`You cannot delete a ${k.label} registered by Accounting Service.`);
    });

    it(`delete${k.stem}`, async () => {
      const type = await create(unique(`${k.field}_to_be_deleted`));
      const res = await call(h.remove, "DELETE", `${k.path}/${type.id}`, { token: admin.token, ...one(type.id) });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ code: 200, message: `${k.label} has been deleted successfully.` });
      expect((await call(h.get, "GET", `${k.path}/${type.id}`, { token: admin.token, ...one(type.id) })).status).toBe(
        404,
      );
    });

    it(`fetch${k.stem}NotAuthenticated`, async () => {
      const id = "507f1f77bcf86cd799439011";
      expect((await call(h.get, "GET", `${k.path}/${id}`, { token: "invalidToken", ...one(id) })).status).toBe(401);
    });

    it(`fetch${k.stem}NotFound`, async () => {
      const id = "507f1f77bcf86cd799439011";
      const res = await call(h.get, "GET", `${k.path}/${id}`, { token: admin.token, ...one(id) });
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ code: 404, message: `There is no ${k.label} with the following id: ${id}` });
    });

    it(`fetch${k.stem}`, async () => {
      const type = await create(unique(`${k.field}_to_be_retrieved`));
      const res = await call(h.get, "GET", `${k.path}/${type.id}`, { token: admin.token, ...one(type.id) });
      expect(res.status).toBe(200);
      expect(res.json).toEqual(type);
    });

    it(`update${k.stem}IsNotAllowed`, async () => {
      const type = await create(unique(`${k.field}_cannot_updated`));
      await define(type[k.field]);
      const res = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        body: { [k.field]: unique("change"), description: "change_description" },
      });
      expect(res.status).toBe(403);
      expect(res.json.message).toBe(
        `This ${k.label} is used in an existing Metric Definition, so you cannot update it.`,
      );
      expect(await fetchName(type.id)).toBe(type[k.field]);
    });

    it(`update${k.stem}RegisteredByAccountingServiceIsNotAllowed`, async () => {
      const { id } = await builtIn();
      const res = await call(h.patch, "PATCH", `${k.path}/${id}`, {
        token: admin.token,
        ...one(id),
        body: { [k.field]: unique("change"), description: "change_description" },
      });
      expect(res.status).toBe(403);
      expect(res.json.message).toBe(`You cannot update a ${k.label} registered by Accounting Service.`);
      expect(await fetchName(id)).toBe(k.builtIn);
    });

    it(`update${k.stem}CannotConsumeContentType`, async () => {
      const type = await create(unique(`${k.field}_cannot_consume_content_type`));
      const res = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        rawBody: JSON.stringify({ description: "x" }),
      });
      expect(res.status).toBe(415);
      expect(res.json.message).toBe("Cannot consume content type.");
    });

    it(`update${k.stem}NotAuthenticated`, async () => {
      const res = await call(h.patch, "PATCH", `${k.path}/556787878e-rrr`, {
        token: "invalidToken",
        ...one("556787878e-rrr"),
        headers: json,
      });
      expect(res.status).toBe(401);
    });

    it(`update${k.stem}NotFound`, async () => {
      const res = await call(h.patch, "PATCH", `${k.path}/556787878e-rrr`, {
        token: admin.token,
        ...one("556787878e-rrr"),
        headers: json,
      });
      expect(res.status).toBe(404);
      expect(res.json.message).toBe(`There is no ${k.label} with the following id: 556787878e-rrr`);
    });

    it(`update${k.stem}Full`, async () => {
      const type = await create(unique(`${k.field}_update_full`), "description_update_full");
      const change = { [k.field]: unique("change_update_full"), description: "change_description_update_full" };
      const res = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        body: change,
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ...type, ...change });
    });

    it(`update${k.stem}Partial`, async () => {
      const type = await create(unique(`${k.field}_update_partial`), "description_update_partial");
      const name = unique("change_update_partial");
      const first = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        body: { [k.field]: name },
      });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ [k.field]: name, description: "description_update_partial" });
      const second = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        body: { description: "change_description_update_partial" },
      });
      expect(second.status).toBe(200);
      expect(second.json).toMatchObject({ [k.field]: name, description: "change_description_update_partial" });
    });

    it(`update${k.stem}Conflict`, async () => {
      const type = await create(unique(`${k.field}_update_conflict`));
      const { id: builtInId } = await builtIn();
      const res = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        // ARGO's metric-type case sends "Aggregated": names compare whatever their case.
        body: { [k.field]: k.builtIn.toUpperCase() },
      });
      expect(res.status).toBe(409);
      expect(res.json.message).toBe(
        `This ${k.label} already exists in the Accounting Service database. Its id is ${builtInId}`,
      );
    });

    it(`update${k.stem}RequestBodyIsEmpty`, async () => {
      const type = await create(unique(`${k.field}_update_empty_body`));
      const res = await call(h.patch, "PATCH", `${k.path}/${type.id}`, {
        token: admin.token,
        ...one(type.id),
        headers: json,
      });
      expect(res.status).toBe(400);
      expect(res.json.message).toBe("The request body is empty.");
    });
  });
}

describe("unit and metric types beyond ARGO's test methods", () => {
  it("lists the service's own types with an empty creator_id, paged as ARGO pages", async () => {
    const res = await call(LIST_UNIT_TYPES, "GET", "/accounting-system/unit-types?size=2", { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ size_of_page: 2, number_of_page: 1 });
    expect(res.json.total_elements).toBeGreaterThanOrEqual(11);
    const all = await call(LIST_METRIC_TYPES, "GET", "/accounting-system/metric-types?size=100", {
      token: admin.token,
    });
    expect(all.json.content.map((t: { metric_type: string }) => t.metric_type)).toEqual(
      expect.arrayContaining(["aggregated", "count", "summarised", "averaged"]),
    );
  });

  it("only the creator or an admin changes a type; support only reads", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const support = await createTestUser({ role: "support" });
    const created = await call(CREATE_UNIT_TYPE, "POST", "/u", {
      token: owner.token,
      body: { unit_type: unique("u"), description: "d" },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const patch = (token: string) =>
      call(PATCH_UNIT_TYPE, "PATCH", "/u", { token, params: { id }, body: { description: "changed" } });
    expect((await patch(other.token)).status).toBe(403);
    expect((await patch(support.token)).status).toBe(403);
    expect((await call(GET_UNIT_TYPE, "GET", "/u", { token: support.token, params: { id } })).status).toBe(200);
    expect(
      (
        await call(CREATE_UNIT_TYPE, "POST", "/u", {
          token: support.token,
          body: { unit_type: unique("u"), description: "d" },
        })
      ).status,
    ).toBe(403);
    expect((await patch(owner.token)).json.description).toBe("changed");
    expect((await call(DELETE_UNIT_TYPE, "DELETE", "/u", { token: other.token, params: { id } })).status).toBe(403);
    expect((await call(DELETE_UNIT_TYPE, "DELETE", "/u", { token: owner.token, params: { id } })).status).toBe(200);
  });
});
