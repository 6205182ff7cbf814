import { notFound } from "next/navigation";
import { deleteProviderAction } from "@/app/(portal)/providers/actions";
import { AccessManager } from "@/components/providers/access-manager";
import { ActionButton } from "@/components/providers/action-button";
import { EntitlementsManager } from "@/components/providers/entitlements-manager";
import { ProviderForm } from "@/components/providers/provider-form";
import { SourceBadge } from "@/components/providers/source-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { ownsProvider } from "@/lib/providers/access";
import { listEntitlements, listProviderGrants } from "@/lib/providers/access-queries";
import { findProvider, isCatalogueProvider } from "@/lib/providers/queries";
import { findUserById } from "@/lib/users/queries";

export const metadata = { title: "Provider" };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function ProviderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const id = decodeURIComponent((await params).id);
  const flags = await searchParams;
  const db = await getDb();
  const provider = await findProvider(db, id);
  if (!provider) notFound();

  const catalogue = isCatalogueProvider(provider);
  const manages = actor.role === "admin" || (await ownsProvider(db, actor, provider));
  const canEdit = manages && !catalogue && actor.role !== "support";
  const seesAccess = manages || actor.role === "support";
  const grants = seesAccess ? await listProviderGrants(db, provider.id) : [];
  const entitlements = actor.role === "admin" || actor.role === "support" ? (await listEntitlements(db, { providerId: provider.id, page: 1, size: 100 })).rows : [];
  const creator = provider.creatorId && UUID_RE.test(provider.creatorId) ? await findUserById(db, provider.creatorId) : undefined;
  const website = /^https?:\/\//i.test(provider.website) ? provider.website : null;
  const logo = /^https?:\/\//i.test(provider.logo) ? provider.logo : null;

  return (
    <>
      <PageHeader
        title={provider.name || provider.id}
        breadcrumbs={[{ href: "/providers", label: "Providers" }, { href: `/providers/${encodeURIComponent(provider.id)}`, label: provider.id }]}
        description={<SourceBadge source={provider.source} />}
        actions={
          canEdit && (
            <ActionButton action={deleteProviderAction} fields={{ providerId: provider.id }} label="Delete provider" pendingLabel="Deleting…" variant="danger" confirmText={`Delete the provider “${provider.name}”? Its access grants and entitlements go with it.`} />
          )
        }
      />
      {flags.created && <div className="mb-4"><Notice kind="success">Provider created.</Notice></div>}
      {flags.saved && <div className="mb-4"><Notice kind="success">Saved.</Notice></div>}
      {catalogue && (
        <div className="mb-4">
          <Notice kind="info">
            <span data-testid="catalogue-readonly">This provider comes from the EOSC Resource Catalogue and is read-only: the daily import keeps it in sync (last imported {when(provider.importedAt)}).</span>
          </Notice>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Profile">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">Id</dt>
            <dd className="font-mono">{provider.id}</dd>
            <dt className="text-slate-500">Name</dt>
            <dd>{provider.name}</dd>
            <dt className="text-slate-500">Abbreviation</dt>
            <dd>{provider.abbreviation || "—"}</dd>
            <dt className="text-slate-500">Website</dt>
            <dd className="break-all">{website ? <a className="underline" href={website} rel="noopener noreferrer" target="_blank">{website}</a> : provider.website || "—"}</dd>
            <dt className="text-slate-500">Logo</dt>
            {/* eslint-disable-next-line @next/next/no-img-element -- external logos of arbitrary hosts */}
            <dd>{logo ? <img src={logo} alt={`${provider.name} logo`} className="max-h-12 max-w-48 bg-white object-contain p-1" referrerPolicy="no-referrer" /> : "—"}</dd>
            <dt className="text-slate-500">Creator</dt>
            <dd>{provider.creatorId ? (creator ? `${creator.name || creator.username} (${creator.email})` : provider.creatorId) : "— (catalogue)"}</dd>
            <dt className="text-slate-500">Registered</dt>
            <dd>{when(provider.createdAt)}</dd>
            <dt className="text-slate-500">Updated</dt>
            <dd>{when(provider.updatedAt)}</dd>
          </dl>
        </Card>
        {canEdit ? (
          <Card title="Edit profile">
            <ProviderForm mode="edit" initial={{ id: provider.id, name: provider.name, website: provider.website, abbreviation: provider.abbreviation, logo: provider.logo }} />
          </Card>
        ) : (
          <Card title="Edit profile">
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="edit-refused">
              {catalogue ? "Catalogue providers cannot be edited here; change them in the EOSC Resource Catalogue." : "Only the provider's creator, its organisation's admins and federation admins can edit it."}
            </p>
          </Card>
        )}
      </div>
      {seesAccess && (
        <Card title="Access (ACL)" className="mt-6">
          <AccessManager providerId={provider.id} entries={grants.map((g) => ({ projectId: g.projectId, subject: g.subject, label: g.username ? `${g.username}${g.email ? ` (${g.email})` : ""}` : g.subject, roles: g.roles }))} canChange={actor.role !== "support"} />
        </Card>
      )}
      {entitlements.length > 0 || actor.role === "admin" ? (
        <Card title="Entitlements" className="mt-6">
          <EntitlementsManager providerId={provider.id} entitlements={entitlements.map((e) => ({ id: e.id, name: e.name, projectId: e.projectId, role: e.role, actors: e.actors }))} canChange={actor.role === "admin"} />
        </Card>
      ) : null}
    </>
  );
}
