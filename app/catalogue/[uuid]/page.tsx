import { notFound } from "next/navigation";
import { PlansTable } from "@/components/offerings/plans-table";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { getOfferingDetails } from "@/lib/offerings/queries";
import { toUuid } from "@/lib/offerings/refs";

export const metadata = { title: "Offering" };

// One Active offering; any other state is not part of the public catalogue.
export default async function CatalogueOfferingPage({ params }: { params: Promise<{ uuid: string }> }) {
  const id = toUuid((await params).uuid);
  const d = id ? await getOfferingDetails(await getDb(), id) : undefined;
  if (!d || d.offering.state !== "Active") notFound();
  const o = d.offering;
  return (
    <>
      <PageHeader
        title={o.name}
        breadcrumbs={[{ href: "/catalogue", label: "Catalogue" }]}
        description={`${d.category.title} · offered by ${d.organisation.name}`}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="About">
          <p className="text-sm whitespace-pre-line">{o.fullDescription || o.description || "No description."}</p>
          {o.gettingStarted && <p className="mt-3 text-sm whitespace-pre-line">{o.gettingStarted}</p>}
        </Card>
        <Card title="At a glance">
          <dl className="grid grid-cols-[7rem_1fr] gap-y-1.5 text-sm">
            <dt className="text-slate-500">Provider</dt>
            <dd>{d.organisation.name}</dd>
            <dt className="text-slate-500">Category</dt>
            <dd>{d.category.title}</dd>
            <dt className="text-slate-500">Type</dt>
            <dd className="font-mono text-xs">{o.type}</dd>
            {o.country && (
              <>
                <dt className="text-slate-500">Country</dt>
                <dd>{o.country}</dd>
              </>
            )}
            {o.accessUrl && (
              <>
                <dt className="text-slate-500">Access</dt>
                <dd className="break-all">{o.accessUrl}</dd>
              </>
            )}
          </dl>
        </Card>
      </div>
      <Card title="Plans and prices" className="mt-6">
        <PlansTable details={d} />
        <p className="mt-3 text-xs text-slate-500">
          Prices per unit of each component; the included amount is part of the plan.
        </p>
      </Card>
    </>
  );
}
