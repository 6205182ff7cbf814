import { notFound } from "next/navigation";
import { deleteProviderAction } from "@/app/(portal)/providers/actions";
import { ActionButton } from "@/components/providers/action-button";
import { SourceBadge } from "@/components/providers/source-badge";
import { when } from "@/components/registration/registration-state-badge";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { TabNav } from "@/components/ui/tab-nav";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { correlationIdForAction, requirePageActor } from "@/lib/http/session";
import { ownsProvider } from "@/lib/providers/access";
import { providerTabParam, providerTabsFor, type ProviderTab } from "@/lib/providers/page-tabs";
import { findProvider, isCatalogueProvider } from "@/lib/providers/queries";
import { welcomeDeliveries } from "@/lib/registration/queries";
import { retrieveRegisteredProvider } from "@/lib/registration/retrieve-registered-provider";
import { OfferingsTab } from "./offerings-tab";
import { ProfileTab } from "./profile-tab";
import { RegistrationTab } from "./registration-tab";
import { UsageTab } from "./usage-tab";

export const metadata = { title: "Provider" };

const LABELS: Record<ProviderTab, string> = {
  profile: "Profile",
  registration: "Registration",
  offerings: "Offerings",
  usage: "Usage",
};

// One page per provider, whatever its source; ?tab= picks the section, and a section the actor may not see is a 404.
export default async function ProviderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const id = decodeURIComponent((await params).id);
  const flags = await searchParams;
  const db = await getDb();
  const provider = await findProvider(db, id);
  if (!provider) notFound();
  const tab = providerTabParam.parse(flags.tab);
  const tabs = await providerTabsFor(db, actor, provider);
  if (!tabs.includes(tab)) notFound();

  const catalogue = isCatalogueProvider(provider);
  const manages = actor.role === "admin" || (await ownsProvider(db, actor, provider));
  const canEdit = manages && !catalogue && actor.role !== "support";
  const ctx = { db, actor, correlationId: await correlationIdForAction() };
  const base = `/providers/${encodeURIComponent(provider.id)}`;

  let body: React.ReactNode;
  if (tab === "registration") {
    const found = await retrieveRegisteredProvider(ctx, provider.id).catch((e) => {
      if (e instanceof AppError && e.code === "not_found") notFound();
      throw e;
    });
    body = <RegistrationTab actor={actor} found={found} deliveries={await welcomeDeliveries(db, provider.pk)} />;
  } else if (tab === "offerings") body = <OfferingsTab db={db} actor={actor} provider={provider} />;
  else if (tab === "usage") body = <UsageTab ctx={ctx} provider={provider} />;
  else
    body = (
      <ProfileTab db={db} actor={actor} provider={provider} manages={manages} canEdit={canEdit} catalogue={catalogue} />
    );

  return (
    <>
      <PageHeader
        title={provider.name || provider.id}
        breadcrumbs={[
          { href: "/providers", label: "Providers" },
          { href: base, label: provider.id },
        ]}
        description={<SourceBadge source={provider.source} />}
        actions={
          canEdit && (
            <ActionButton
              action={deleteProviderAction}
              fields={{ providerId: provider.id }}
              label="Delete provider"
              pendingLabel="Deleting…"
              variant="danger"
              confirmText={`Delete the provider “${provider.name}”? Its access grants and entitlements go with it.`}
            />
          )
        }
      />
      {flags.created && (
        <div className="mb-4">
          <Notice kind="success">Provider created.</Notice>
        </div>
      )}
      {flags.saved && (
        <div className="mb-4">
          <Notice kind="success">Saved.</Notice>
        </div>
      )}
      {catalogue && (
        <div className="mb-4">
          <Notice kind="info">
            <span data-testid="catalogue-readonly">
              This provider comes from the EOSC Resource Catalogue and is read-only: the daily import keeps it in sync
              (last imported {when(provider.importedAt?.toISOString() ?? null)}).
            </span>
          </Notice>
        </div>
      )}
      <TabNav
        label="Provider sections"
        current={tab}
        tabs={tabs.map((t) => ({ key: t, label: LABELS[t], href: t === "profile" ? base : `${base}?tab=${t}` }))}
      />
      {body}
    </>
  );
}
