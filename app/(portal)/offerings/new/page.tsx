import { OfferingWizard } from "@/components/offerings/offering-wizard";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { allCategories } from "@/lib/categories/queries";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { findOfferingDraft } from "@/lib/offerings/queries";
import { emptyWizard, onlyProviderOf, type WizardData } from "@/lib/offerings/wizard";
import { organisationsForOfferings, providersOfOrganisations } from "@/lib/organisations/customer-queries";

export const metadata = { title: "New offering" };

export default async function NewOfferingPage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  const actor = await requirePageActor();
  const { draft } = await searchParams;
  const db = await getDb();
  const [orgs, cats] = await Promise.all([organisationsForOfferings(db, actor), allCategories(db)]);
  const orgProviders = await providersOfOrganisations(
    db,
    orgs.map((o) => o.id),
  );
  const customers = orgs.map((o) => ({
    id: o.id,
    name: o.name,
    providers: orgProviders.filter((p) => p.organisationId === o.id).map((p) => ({ id: p.id, name: p.name })),
  }));
  const saved = draft && /^[0-9a-f-]{36}$/i.test(draft) ? await findOfferingDraft(db, actor.id, draft) : undefined;
  // A new offering of the actor's only organisation starts linked to that organisation's only provider.
  const only = customers.length === 1 ? customers[0] : undefined;
  const initial = saved
    ? { ...emptyWizard(), ...(saved.data as Partial<WizardData>) }
    : {
        ...emptyWizard(),
        basics: { ...emptyWizard().basics, customer: only?.id ?? "", provider: onlyProviderOf(only) },
      };
  return (
    <>
      <PageHeader
        title={saved ? `Resume “${saved.title}”` : "New offering"}
        breadcrumbs={[{ href: "/offerings", label: "Offerings" }]}
        description="Created as a Draft: nobody sees it in the catalogue until you activate it."
      />
      {draft && !saved && (
        <div className="mb-4">
          <Notice kind="info">
            That draft no longer exists (it was deleted or turned into an offering). You can start a new offering here.
          </Notice>
        </div>
      )}
      {orgs.length === 0 ? (
        <EmptyState title="You cannot create offerings yet">
          Offerings belong to an organisation. Ask an admin to make you an owner or manager of one.
        </EmptyState>
      ) : (
        <OfferingWizard
          key={saved?.id ?? "new"}
          draftId={saved?.id ?? null}
          initialStep={saved?.step ?? 0}
          initial={initial}
          customers={customers}
          categories={cats.map((c) => ({ id: c.id, title: c.title }))}
        />
      )}
    </>
  );
}
