// GET /accounting-system/installations/{id}/metrics — paged · POST — one usage record
import { listUsageRecords, postUsageRecord } from "@/lib/accounting/usage-records";
import { toArgoMetric } from "@/lib/dialects/argo/accounting/mappers";
import { listMetricsOp, postMetricOp } from "@/lib/dialects/argo/accounting/operations";
import { argoPage } from "@/lib/dialects/argo/paging";
import { handle } from "@/lib/http/handle";

export const GET = handle(listMetricsOp, async (ctx) => {
  const { rows, total } = await listUsageRecords(ctx, ctx.params.id, ctx.query.page, ctx.query.size);
  return { body: argoPage(ctx.req, ctx.query, total, rows.map(toArgoMetric)) };
});

export const POST = handle(postMetricOp, async (ctx) => {
  const view = await postUsageRecord(ctx, ctx.params.id, ctx.body);
  return { status: view.created ? 201 : 200, body: toArgoMetric(view) };
});
