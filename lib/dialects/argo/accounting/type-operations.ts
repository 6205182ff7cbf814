import { z } from "zod";
import {
  getType,
  METRIC_TYPES,
  typeInput,
  typePatch,
  UNIT_TYPES,
  type TypeRegistry,
  type TypeRow,
} from "@/lib/accounting/type-registries";
import { defineOperation } from "@/lib/http/operation";
import { argoDialect } from "../errors";
import { argoPageOutput, argoPageQuery } from "../paging";

const dialect = argoDialect;
const tags = ["ARGO accounting: unit and metric types"];
const idParams = z.object({ id: z.string().min(1).max(200) });
const message = z.object({ code: z.number(), message: z.string() });

/** A type as ARGO shows it: `{id, unit_type | metric_type, description, creator_id}`. */
export const toArgoType = (r: TypeRegistry, t: TypeRow) => ({
  id: t.id,
  [r.field]: t.name,
  description: t.description,
  creator_id: t.creatorId,
});

function typeOperations(r: TypeRegistry, path: string) {
  const output = z.object({ id: z.string(), [r.field]: z.string(), description: z.string(), creator_id: z.string() });
  const one = `${path}/{id}`;
  return {
    list: defineOperation({
      method: "GET",
      path,
      dialect,
      summary: `List the ${r.label}s (paged; those with an empty creator_id are the service's own)`,
      tags,
      auth: "required",
      query: argoPageQuery,
      response: argoPageOutput(output),
    }),
    create: defineOperation({
      method: "POST",
      path,
      dialect,
      summary: `Register a ${r.label} (a name taken in any case answers 409)`,
      tags,
      auth: "required",
      body: typeInput(r),
      response: output,
      successStatus: 201,
    }),
    get: defineOperation({
      method: "GET",
      path: one,
      dialect,
      summary: `Read a ${r.label}`,
      tags,
      auth: "required",
      params: idParams,
      response: output,
    }),
    update: defineOperation({
      method: "PATCH",
      path: one,
      dialect,
      summary: `Update a ${r.label} (its creator or an admin; not the service's own, not one a metric definition names)`,
      tags,
      auth: "required",
      params: idParams,
      lookup: (db, p) => getType(db, r, p.id),
      body: typePatch(r),
      response: output,
    }),
    remove: defineOperation({
      method: "DELETE",
      path: one,
      dialect,
      summary: `Delete a ${r.label} (its creator or an admin; not the service's own, not one a metric definition names)`,
      tags,
      auth: "required",
      params: idParams,
      response: message,
    }),
  };
}

export const unitTypeOps = typeOperations(UNIT_TYPES, "/accounting-system/unit-types");
export const metricTypeOps = typeOperations(METRIC_TYPES, "/accounting-system/metric-types");
export const argoTypeOperations = [...Object.values(unitTypeOps), ...Object.values(metricTypeOps)];
