// GET /accounting-system/providers/{id}/report?start=&end= — the seed's global report (reports[] + aggregated_metrics[])
import { globalProviderReport } from "@/lib/accounting/read-reports";
import { toArgoGlobalReport } from "@/lib/dialects/argo/accounting/mappers";
import { globalProviderReportOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(globalProviderReportOp, async (ctx) => ({
  body: toArgoGlobalReport(await globalProviderReport(ctx, ctx.params.provider_id, ctx.query)),
}));
