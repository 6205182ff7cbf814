// GET /accounting-system/metric-definitions — paged list · POST — define a metric
import { createMetricDefinition } from "@/lib/accounting/metric-definitions";
import { listMetricDefinitions } from "@/lib/accounting/queries";
import { toArgoMetricDefinition } from "@/lib/dialects/argo/accounting/mappers";
import { createMetricDefinitionOp, listMetricDefinitionsOp } from "@/lib/dialects/argo/accounting/operations";
import { argoPage } from "@/lib/dialects/argo/paging";
import { handle } from "@/lib/http/handle";

export const GET = handle(listMetricDefinitionsOp, async ({ db, req, query }) => {
  const { rows, total } = await listMetricDefinitions(db, query.page, query.size);
  return { body: argoPage(req, query, total, rows.map(toArgoMetricDefinition)) };
});

export const POST = handle(createMetricDefinitionOp, async (ctx) => ({
  status: 201,
  body: toArgoMetricDefinition(await createMetricDefinition(ctx, ctx.body)),
}));
