import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { attentionItems } from "@/lib/dashboard/attention";
import { dashboardCounts } from "@/lib/dashboard/queries";
import { getDb } from "@/lib/db/client";
import { organisationsOfUser } from "@/lib/organisations/queries";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [counts, orgs, attention] = await Promise.all([
    dashboardCounts(db, actor),
    organisationsOfUser(db, actor.id),
    attentionItems(db, actor),
  ]);
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name || actor.username}`}
        description="What needs your attention in the federation."
      />
      <Card title="Needs attention" className="mb-6">
        {attention.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="attention-empty">
            Nothing waits for you right now.
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="attention">
            {attention.map((a) => (
              <li key={a.key}>
                <Link
                  href={a.href}
                  className="flex items-center justify-between rounded-md border border-slate-200 px-4 py-3 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
                >
                  <span className="text-sm">{a.label}</span>
                  <Badge tone={a.tone}>{a.count}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {counts.map((c) => (
          <Card key={c.label}>
            <p className="text-sm text-slate-600 dark:text-slate-400">{c.label}</p>
            <p className="mt-1 text-3xl font-semibold" data-testid={`count-${c.label}`}>
              {c.href ? <Link href={c.href}>{c.value}</Link> : c.value}
            </p>
          </Card>
        ))}
      </div>
      {orgs.length > 0 && (
        <Card title="Your organisations" className="mt-6">
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {orgs.map((o) => (
              <li key={o.id} className="flex justify-between py-2 text-sm">
                <span>{o.name}</span>
                <span className="text-slate-500">{o.role}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
