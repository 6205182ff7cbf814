import Link from "next/link";
import { notFound } from "next/navigation";
import { PlansTable } from "@/components/offerings/plans-table";
import { OrderForm } from "@/components/orders/order-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { currentActor } from "@/lib/http/session";
import { orderableProjects } from "@/lib/marketplace/access";
import { getOfferingDetails } from "@/lib/offerings/queries";
import { toUuid } from "@/lib/offerings/refs";

export const metadata = { title: "Offering" };

// One Active offering; any other state is not part of the public catalogue.
export default async function CatalogueOfferingPage({ params }: { params: Promise<{ uuid: string }> }) {
  const id = toUuid((await params).uuid);
  const db = await getDb();
  const d = id ? await getOfferingDetails(db, id) : undefined;
  if (!d || d.offering.state !== "Active") notFound();
  const o = d.offering;
  const actor = await currentActor();
  const projects = actor ? await orderableProjects(db, actor) : [];
  const plans = d.plans.filter((p) => !p.archived);
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
      <Card title="Order" className="mt-6">
        {!actor ? (
          <p className="text-sm">
            <Link
              href={`/login?callbackUrl=${encodeURIComponent(`/catalogue/${(await params).uuid}`)}`}
              className="underline"
            >
              Sign in
            </Link>{" "}
            to order this offering for one of your projects.
          </p>
        ) : !projects.length ? (
          <p className="text-sm">
            You are not a member of any customer with projects, so there is nothing to order for.
          </p>
        ) : (
          <OrderForm
            offeringId={o.id}
            plans={plans.map((p) => ({ id: p.id, label: p.name }))}
            projects={projects.map((p) => ({ id: p.uuid, label: p.acronym || p.title || p.id }))}
            limitComponents={d.components
              .filter((c) => c.billingType === "limit")
              .map((c) => ({ type: c.type, name: c.name, unit: c.measuredUnit }))}
          />
        )}
      </Card>
    </>
  );
}
