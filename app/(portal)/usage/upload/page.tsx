import { UsageUploadForm } from "@/components/accounting/usage-upload-form";
import { Card, PageHeader } from "@/components/ui/card";
import { CSV_COLUMNS } from "@/lib/accounting/parse-usage-upload";
import { writableInstallations } from "@/lib/accounting/portal-queries";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Upload usage" };

export default async function UploadUsagePage() {
  const actor = await requirePageActor();
  const installations = await writableInstallations(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="Upload usage"
        breadcrumbs={[{ href: "/usage", label: "Usage reports" }]}
        description="Send a CSV or NDJSON file of usage records to one installation. A file is stored whole or not at all: one bad row rejects it, and the rows at fault are listed. Records already stored (same metric, period, user and group, or the same record_id) are counted as duplicates and not stored twice."
      />
      <Card title="File">
        <UsageUploadForm installations={installations} />
      </Card>
      <Card title="File format" className="mt-6">
        <p className="text-sm">
          CSV with a header row using these columns (the first four are required): <code>{CSV_COLUMNS.join(", ")}</code>
          . Times are ISO-8601 in UTC, like <code>2024-01-31T12:00:00Z</code>. NDJSON: one JSON object per line with the
          same fields.
        </p>
        <pre className="mt-3 overflow-x-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">
          {`metric_definition_id,time_period_start,time_period_end,value,user_id\n65f0c1d2e3f4a5b6c7d8e9f0,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,42.5,alice`}
        </pre>
      </Card>
    </>
  );
}
