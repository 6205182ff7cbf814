import Link from "next/link";
import { StateBadge } from "@/components/offerings/state-badge";
import { Card, EmptyState } from "@/components/ui/card";
import type { ProviderRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { listOfferings } from "@/lib/offerings/queries";

const LIMIT = 100;

/** The provider's offerings the actor may see (listOfferings applies the same visibility as /offerings). */
export async function OfferingsTab({ db, actor, provider }: { db: Executor; actor: Actor; provider: ProviderRow }) {
  const { rows, total } = await listOfferings(db, actor, { providerId: provider.id, ordering: "name" }, { limit: LIMIT, offset: 0 });
  return (
    <Card title={`${total} offering${total === 1 ? "" : "s"}`}>
      {rows.length === 0 ? (
        <EmptyState title="No offerings">No offering you can see names this provider. Offerings link to a provider when they are created or edited.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4">Name</th>
                <th className="py-2 pr-4">Organisation</th>
                <th className="py-2 pr-4">Type</th>
                <th className="py-2 pr-4">State</th>
                <th className="py-2 pr-4">Plans</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {rows.map((d) => (
                <tr key={d.offering.id} data-testid="provider-offering-row">
                  <td className="py-2 pr-4 font-medium">
                    <Link href={`/offerings/${d.offering.id}`} className="text-brand-700 underline dark:text-blue-300">
                      {d.offering.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{d.organisation.name}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{d.offering.type}</td>
                  <td className="py-2 pr-4">
                    <StateBadge state={d.offering.state} />
                  </td>
                  <td className="py-2 pr-4">{d.plans.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > rows.length && <p className="mt-3 text-xs text-slate-500">Showing the first {rows.length} by name.</p>}
        </div>
      )}
    </Card>
  );
}
