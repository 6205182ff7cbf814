// GET/PATCH/DELETE /accounting-system/metric-definitions/{id} — changes refused while metrics use it
import { getMetricDefinition } from "@/lib/accounting/access";
import { deleteMetricDefinition, updateMetricDefinition } from "@/lib/accounting/metric-definitions";
import { toArgoMetricDefinition } from "@/lib/dialects/argo/accounting/mappers";
import {
  deleteMetricDefinitionOp,
  getMetricDefinitionOp,
  updateMetricDefinitionOp,
} from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(getMetricDefinitionOp, async ({ db, params }) => ({
  body: toArgoMetricDefinition(await getMetricDefinition(db, params.id)),
}));

export const PATCH = handle(updateMetricDefinitionOp, async (ctx) => ({
  body: toArgoMetricDefinition(await updateMetricDefinition(ctx, ctx.params.id, ctx.body)),
}));

export const DELETE = handle(deleteMetricDefinitionOp, async (ctx) => {
  await deleteMetricDefinition(ctx, ctx.params.id);
  return { body: { code: 200, message: "Metric Definition has been deleted successfully." } };
});
