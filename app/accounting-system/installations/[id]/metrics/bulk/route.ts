// POST /accounting-system/installations/{id}/metrics/bulk — JSON array, NDJSON or CSV; all or nothing
import { ingestUsage } from "@/lib/accounting/ingest-usage";
import { parseUsageUpload, uploadFormat } from "@/lib/accounting/parse-usage-upload";
import { bulkMetricsOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const POST = handle(bulkMetricsOp, async (ctx) => {
  const format = uploadFormat(ctx.req.headers.get("content-type"));
  const records = parseUsageUpload(format, ctx.rawBody);
  const result = await ingestUsage(ctx, ctx.params.id, records, `bulk-${format}`);
  return {
    status: 201,
    body: {
      code: 201,
      message: `${result.inserted} new metrics stored, ${result.duplicates} duplicates skipped.`,
      ...result,
    },
  };
});
