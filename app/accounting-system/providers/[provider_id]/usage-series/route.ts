// GET /accounting-system/providers/{id}/usage-series?start=&end=&group= — chart data: usage per bucket, capacity against its period so far
import { usageSeries } from "@/lib/accounting/usage-series";
import { toArgoSeries } from "@/lib/dialects/argo/accounting/mappers";
import { usageSeriesOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(usageSeriesOp, async (ctx) => {
  const { start, end, group, project_id, installation_id, metric_definition_id } = ctx.query;
  const series = await usageSeries(ctx, {
    providerId: ctx.params.provider_id,
    projectId: project_id,
    installationId: installation_id,
    metricDefinitionId: metric_definition_id,
    range: { start, end },
    group,
  });
  return { body: toArgoSeries(series) };
});
