// The handlers of /accounting-system/unit-types and /metric-types: one set, two registries.
import {
  createType,
  deleteType,
  getType,
  listTypes,
  updateType,
  type TypeRegistry,
} from "@/lib/accounting/type-registries";
import { handle } from "@/lib/http/handle";
import { argoPage } from "../paging";
import { toArgoType, type metricTypeOps } from "./type-operations";

type Ops = typeof metricTypeOps;

export function typeCollectionRoutes(r: TypeRegistry, ops: Ops) {
  return {
    GET: handle(ops.list, async ({ db, req, query }) => {
      const { rows, total } = await listTypes(db, r, query.page, query.size);
      return {
        body: argoPage(
          req,
          query,
          total,
          rows.map((t) => toArgoType(r, t)),
        ),
      };
    }),
    POST: handle(ops.create, async (ctx) => ({ status: 201, body: toArgoType(r, await createType(ctx, r, ctx.body)) })),
  };
}

export function typeItemRoutes(r: TypeRegistry, ops: Ops) {
  return {
    GET: handle(ops.get, async ({ db, params }) => ({ body: toArgoType(r, await getType(db, r, params.id)) })),
    PATCH: handle(ops.update, async (ctx) => ({
      body: toArgoType(r, await updateType(ctx, r, ctx.params.id, ctx.body)),
    })),
    DELETE: handle(ops.remove, async (ctx) => {
      await deleteType(ctx, r, ctx.params.id);
      return { body: { code: 200, message: `${r.label} has been deleted successfully.` } };
    }),
  };
}
