import Link from "next/link";
import { StateBadge } from "@/components/offerings/state-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ProviderRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { listOfferings } from "@/lib/offerings/queries";

const LIMIT = 100;

/** The provider's offerings the actor may see (listOfferings applies the same visibility as /offerings). */
export async function OfferingsTab({ db, actor, provider }: { db: Executor; actor: Actor; provider: ProviderRow }) {
  const { rows, total } = await listOfferings(
    db,
    actor,
    { providerId: provider.id, ordering: "name" },
    { limit: LIMIT, offset: 0 },
  );
  return (
    <Card title={`${total} offering${total === 1 ? "" : "s"}`}>
      {rows.length === 0 ? (
        <EmptyState title="No offerings">
          No offering you can see names this provider. Offerings link to a provider when they are created or edited.
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`Offerings of ${provider.name}`}
            rows={rows}
            rowKey={(d) => d.offering.id}
            rowProps={() => ({ "data-testid": "provider-offering-row" })}
            columns={[
              {
                id: "name",
                header: "Name",
                className: "font-medium",
                cell: (d) => (
                  <Link href={`/offerings/${d.offering.id}`} className="text-brand-700 underline dark:text-blue-300">
                    {d.offering.name}
                  </Link>
                ),
              },
              { id: "organisation", header: "Organisation", cell: (d) => d.organisation.name },
              { id: "type", header: "Type", className: "font-mono text-xs", cell: (d) => d.offering.type },
              { id: "state", header: "State", cell: (d) => <StateBadge state={d.offering.state} /> },
              { id: "plans", header: "Plans", numeric: true, cell: (d) => d.plans.length },
            ]}
          />
          {total > rows.length && (
            <p className="mt-3 text-xs text-slate-500">Showing the first {rows.length} by name.</p>
          )}
        </>
      )}
    </Card>
  );
}
