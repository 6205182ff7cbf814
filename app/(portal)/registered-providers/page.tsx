import Link from "next/link";
import { endpointOf, when } from "@/components/registration/registration-state-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { browseRegisteredProviders } from "@/lib/registration/queries";

export const metadata = { title: "Registered providers" };
const PAGE = 25;

export default async function RegisteredProvidersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  const { after } = await searchParams;
  const from = /^\d{1,15}$/.test(after ?? "") ? Number(after) : 0;
  const rows = await browseRegisteredProviders(await getDb(), actor, { after: from, limit: PAGE + 1 });
  const page = rows.slice(0, PAGE);
  const staff = actor.role === "admin" || actor.role === "support";
  return (
    <>
      <PageHeader title="Registered providers" description={staff ? "Every provider registered through an approval." : "Providers you own, registered through an approval."} />
      <Card>
        {page.length === 0 ? (
          <EmptyState title="No registered providers yet">
            <Link className="underline" href="/onboarding">Start the onboarding wizard</Link> or run an integration module against this portal.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">Provider</th>
                  <th className="py-2 pr-4">Endpoint</th>
                  <th className="py-2 pr-4">Owner</th>
                  <th className="py-2 pr-4">Registered</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {page.map(({ provider, ownerUsername }) => (
                  <tr key={provider.pk}>
                    <td className="py-2 pr-4">
                      <Link className="font-medium text-brand-700 underline dark:text-brand-100" href={`/registered-providers/${provider.id}`}>
                        {provider.id}
                      </Link>
                      {provider.name !== provider.id && <span className="block text-xs text-slate-500">{provider.name}</span>}
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{endpointOf({ https: provider.https ?? true, domain: provider.domain ?? "", port: provider.port })}</td>
                    <td className="py-2 pr-4">{ownerUsername ?? "—"}</td>
                    <td className="py-2 pr-4">{when(provider.createdAt.toISOString())}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2 text-sm">
          {from > 0 && <Link className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600" href="/registered-providers">First page</Link>}
          {rows.length > PAGE && <Link className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600" rel="next" href={`/registered-providers?after=${page[page.length - 1].provider.resourceNumber}`}>Next</Link>}
        </nav>
      </Card>
    </>
  );
}
