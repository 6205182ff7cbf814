import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ProviderRow } from "@/drizzle/schema";
import { providerUsageSummary } from "@/lib/accounting/provider-usage-summary";
import type { ServiceContext } from "@/lib/auth/actor";

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const monthName = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** A summary of the provider's accounting, with the way into the usage report and the provider dashboard. */
export async function UsageTab({ ctx, provider }: { ctx: ServiceContext; provider: ProviderRow }) {
  const s = await providerUsageSummary(ctx, provider.id);
  const month = monthName(s.month.start);
  const q = encodeURIComponent(provider.id);
  const links = (
    <span className="flex flex-wrap gap-3 text-sm">
      <Link className="font-medium text-brand-700 underline dark:text-blue-300" href={`/usage?provider=${q}`}>
        Usage report
      </Link>
      <Link className="font-medium text-brand-700 underline dark:text-blue-300" href={`/usage/dashboard?provider=${q}`}>
        Provider dashboard
      </Link>
    </span>
  );
  return (
    <>
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Card>
          <p className="text-xs text-slate-500 uppercase">Installations</p>
          <p className="text-2xl font-semibold" data-testid="usage-installations">
            {s.installations.length}
          </p>
        </Card>
        {s.totals.map((t) => (
          <Card key={t.metricName}>
            <p className="text-xs text-slate-500 uppercase">
              {t.metricName}, {month}
            </p>
            <p className="text-2xl font-semibold">
              {fmt(t.total)} <span className="text-sm font-normal text-slate-500">{t.unit}</span>
            </p>
          </Card>
        ))}
      </div>
      <Card title={`Installations in ${month}`} actions={links}>
        {s.installations.length === 0 ? (
          <EmptyState title="No installations">This provider has no installations you may read usage for.</EmptyState>
        ) : (
          <DataTable
            caption={`Usage of ${provider.name}'s installations in ${month}`}
            rows={s.installations.flatMap((i) =>
              (i.metrics.length ? i.metrics : [null]).map((m, k) => ({ i, m, first: k === 0 })),
            )}
            rowKey={({ i, m }) => `${i.id}-${m?.metricName ?? "none"}`}
            rowProps={() => ({ "data-testid": "usage-row" })}
            columns={[
              { id: "installation", header: "Installation", cell: ({ i, first }) => (first ? i.installation : "") },
              {
                id: "project",
                header: "Project",
                className: "font-mono text-xs",
                cell: ({ i, first }) => (first ? i.projectId : ""),
              },
              {
                id: "metric",
                header: "Metric",
                cell: ({ m }) => (m ? m.metricName : <span className="text-slate-500">no usage</span>),
              },
              {
                id: "total",
                header: `Total in ${month}`,
                align: "right",
                className: "tabular-nums",
                cell: ({ m }) => (m ? `${fmt(m.total)} ${m.unit}` : "—"),
              },
              {
                id: "capacity",
                header: "Capacity at month end",
                align: "right",
                className: "tabular-nums",
                cell: ({ m }) => (m?.capacity != null ? `${fmt(m.capacity)} ${m.unit}` : "—"),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
