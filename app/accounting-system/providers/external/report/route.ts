// GET /accounting-system/providers/external/report?externalId=&start=&end= — the report by an installation's external id
import { externalIdReport } from "@/lib/accounting/read-reports";
import { toArgoGlobalReport } from "@/lib/dialects/argo/accounting/mappers";
import { externalReportOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(externalReportOp, async (ctx) => ({
  body: toArgoGlobalReport(await externalIdReport(ctx, ctx.query.externalId, ctx.query), ctx.query.externalId),
}));
