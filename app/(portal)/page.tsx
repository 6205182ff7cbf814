import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { dashboardCounts } from "@/lib/dashboard/queries";
import { getDb } from "@/lib/db/client";
import { organisationsOfUser } from "@/lib/organisations/queries";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [counts, orgs] = await Promise.all([dashboardCounts(db, actor), organisationsOfUser(db, actor.id)]);
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name || actor.username}`} description="What needs your attention in the federation." />
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
