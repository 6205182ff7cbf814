// GET/PATCH/DELETE /accounting-system/installations/{id}/metrics/{metricId}
import { deleteUsageRecord, readUsageRecord, updateUsageRecord } from "@/lib/accounting/usage-records";
import { toArgoMetric } from "@/lib/dialects/argo/accounting/mappers";
import { deleteMetricOp, getMetricOp, updateMetricOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(getMetricOp, async (ctx) => ({
  body: toArgoMetric(await readUsageRecord(ctx, ctx.params.id, ctx.params.metricId)),
}));

export const PATCH = handle(updateMetricOp, async (ctx) => ({
  body: toArgoMetric(await updateUsageRecord(ctx, ctx.params.id, ctx.params.metricId, ctx.body)),
}));

export const DELETE = handle(deleteMetricOp, async (ctx) => {
  await deleteUsageRecord(ctx, ctx.params.id, ctx.params.metricId);
  return { body: { code: 200, message: "Metric has been deleted successfully." } };
});
