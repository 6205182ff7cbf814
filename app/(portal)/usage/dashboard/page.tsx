import { UsageChart } from "@/components/accounting/usage-chart";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { reportableProviders } from "@/lib/accounting/portal-queries";
import { providerDashboard } from "@/lib/accounting/provider-dashboard";
import { getDb } from "@/lib/db/client";
import { toArgoSeries } from "@/lib/dialects/argo/accounting/mappers";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Provider dashboard" };

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

export default async function ProviderDashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ provider?: string }>;
}) {
  const actor = await requirePageActor();
  const db = await getDb();
  const providers = await reportableProviders(db, actor);
  const { provider: wanted } = await searchParams;
  const provider = providers.find((p) => p.id === wanted) ?? providers[0];
  const picker = (
    <form method="get" className="flex items-end gap-2">
      <label className="text-sm">
        <span className="block font-medium">Provider</span>
        <select
          name="provider"
          defaultValue={provider?.id}
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600">
        Show
      </button>
    </form>
  );
  if (!provider)
    return (
      <>
        <PageHeader title="Provider dashboard" />
        <EmptyState title="No provider to show">
          You do not own a provider with installations, and no one has granted you a reporting role yet.
        </EmptyState>
      </>
    );
  const d = await providerDashboard({ db, actor, correlationId: "page" }, provider.id);
  const daily = toArgoSeries(d.daily);
  const monthly = toArgoSeries(d.monthly);
  const charts = [
    { title: "Last 30 days, by day", s: daily, group: "day" },
    { title: "Last 12 months, by month", s: monthly, group: "month" },
  ];
  return (
    <>
      <PageHeader
        title={`${provider.name} — usage`}
        breadcrumbs={[{ href: "/usage", label: "Usage reports" }]}
        description={`Figures up to ${d.today} (UTC). Build any other view in the usage report wizard.`}
        actions={picker}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {d.totals.map((t) => (
          <Card key={t.metricName}>
            <p className="text-sm text-slate-500">{t.metricName}</p>
            <p className="text-2xl font-semibold tabular-nums">
              {fmt(t.last30)} <span className="text-sm font-normal text-slate-500">{t.unit} in 30 days</span>
            </p>
            <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
              {fmt(t.last365)} {t.unit} in 12 months
            </p>
          </Card>
        ))}
        {!d.totals.length && (
          <EmptyState title="No usage in the last 12 months">Post usage through the API or the upload page.</EmptyState>
        )}
      </div>
      <Card title="Near or over capacity" className="mt-6">
        {d.alerts.length ? (
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {d.alerts.map((a) => (
              <li
                key={`${a.installationId}:${a.metricName}`}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
              >
                <span>
                  {a.installation} · {a.metricName}: {fmt(a.total)} of {fmt(a.capacity)} {a.unit}
                </span>
                <Badge tone={a.over ? "red" : "amber"}>
                  {a.usagePercentage} %{a.over ? " over" : ""}
                </Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No installation is at 80 % of its capacity in the current period of the last 30 days.
          </p>
        )}
      </Card>
      {d.top.map((t) => (
        <Card key={t.metricName} title={`Top installations by ${t.metricName}, last 30 days`} className="mt-6">
          <ol className="space-y-1 text-sm">
            {t.installations.map((i, k) => (
              <li key={i.id} className="flex justify-between gap-2">
                <span>
                  {k + 1}. {i.installation}
                </span>
                <span className="tabular-nums">
                  {fmt(i.total)} {t.unit}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      ))}
      {charts.map(({ title, s, group }) =>
        s.series.map((m) => (
          <Card key={`${title}:${m.metric_definition_id}`} title={`${m.metric_name} — ${title}`} className="mt-6">
            <UsageChart buckets={m.buckets} installations={s.installations} unit={m.unit_type} group={group} />
          </Card>
        )),
      )}
    </>
  );
}
