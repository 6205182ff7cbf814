import { UsageReportWizard } from "@/components/accounting/usage-report-wizard";
import { PageHeader } from "@/components/ui/card";
import { reportableProviders } from "@/lib/accounting/portal-queries";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Usage reports" };

export default async function UsageReportPage() {
  const actor = await requirePageActor();
  const providers = await reportableProviders(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="Usage reports"
        description="Choose a provider, a date range and a grouping; the chart and the table below it show exactly what the CSV and JSON exports contain. The address bar keeps your choices, so a report can be bookmarked and shared."
        actions={
          <a href="/usage/upload" className="dark:text-brand-400 text-sm font-medium text-brand-600 hover:underline">
            Upload usage →
          </a>
        }
      />
      <UsageReportWizard providers={providers} />
    </>
  );
}
