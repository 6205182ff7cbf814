// GET /accounting-system/projects/{id}/providers/{providerId}/report?start=&end= — the seed's per-project report
import { projectProviderReport } from "@/lib/accounting/read-reports";
import { toArgoProviderReport } from "@/lib/dialects/argo/accounting/mappers";
import { projectProviderReportOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(projectProviderReportOp, async (ctx) => ({
  body: toArgoProviderReport(
    await projectProviderReport(ctx, ctx.params.project_id, ctx.params.provider_id, ctx.query),
  ),
}));
