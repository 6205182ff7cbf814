import { AccessManager } from "@/components/providers/access-manager";
import { EntitlementsManager } from "@/components/providers/entitlements-manager";
import { ProviderForm } from "@/components/providers/provider-form";
import { when } from "@/components/registration/registration-state-badge";
import { Card } from "@/components/ui/card";
import type { ProviderRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { listEntitlements, listProviderGrants } from "@/lib/providers/access-queries";
import { findUserById } from "@/lib/users/queries";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The registry view: profile, its editor, the ACL and the entitlements. */
export async function ProfileTab({
  db,
  actor,
  provider,
  manages,
  canEdit,
  catalogue,
}: {
  db: Executor;
  actor: Actor;
  provider: ProviderRow;
  manages: boolean;
  canEdit: boolean;
  catalogue: boolean;
}) {
  const seesAccess = manages || actor.role === "support";
  const grants = seesAccess ? await listProviderGrants(db, provider.id) : [];
  const entitlements =
    actor.role === "admin" || actor.role === "support"
      ? (await listEntitlements(db, { providerId: provider.id, page: 1, size: 100 })).rows
      : [];
  const creator =
    provider.creatorId && UUID_RE.test(provider.creatorId) ? await findUserById(db, provider.creatorId) : undefined;
  const website = /^https?:\/\//i.test(provider.website) ? provider.website : null;
  const logo = /^https?:\/\//i.test(provider.logo) ? provider.logo : null;

  return (
    <>
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
            <dd className="break-all">
              {website ? (
                <a className="underline" href={website} rel="noopener noreferrer" target="_blank">
                  {website}
                </a>
              ) : (
                provider.website || "—"
              )}
            </dd>
            <dt className="text-slate-500">Logo</dt>
            <dd>
              {logo ? (
                // eslint-disable-next-line @next/next/no-img-element -- external logos of arbitrary hosts
                <img
                  src={logo}
                  alt={`${provider.name} logo`}
                  className="max-h-12 max-w-48 bg-white object-contain p-1"
                  referrerPolicy="no-referrer"
                />
              ) : (
                "—"
              )}
            </dd>
            <dt className="text-slate-500">Creator</dt>
            <dd>
              {provider.creatorId
                ? creator
                  ? `${creator.name || creator.username} (${creator.email})`
                  : provider.creatorId
                : "— (catalogue)"}
            </dd>
            <dt className="text-slate-500">Registered</dt>
            <dd>{when(provider.createdAt.toISOString())}</dd>
            <dt className="text-slate-500">Updated</dt>
            <dd>{when(provider.updatedAt.toISOString())}</dd>
          </dl>
        </Card>
        {canEdit ? (
          <Card title="Edit profile">
            <ProviderForm
              mode="edit"
              initial={{
                id: provider.id,
                name: provider.name,
                website: provider.website,
                abbreviation: provider.abbreviation,
                logo: provider.logo,
              }}
            />
          </Card>
        ) : (
          <Card title="Edit profile">
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="edit-refused">
              {catalogue
                ? "Catalogue providers cannot be edited here; change them in the EOSC Resource Catalogue."
                : "Only the provider's creator, its organisation's admins and federation admins can edit it."}
            </p>
          </Card>
        )}
      </div>
      {seesAccess && (
        <Card title="Access (ACL)" className="mt-6">
          <AccessManager
            providerId={provider.id}
            entries={grants.map((g) => ({
              projectId: g.projectId,
              subject: g.subject,
              label: g.username ? `${g.username}${g.email ? ` (${g.email})` : ""}` : g.subject,
              roles: g.roles,
            }))}
            canChange={actor.role !== "support"}
          />
        </Card>
      )}
      {entitlements.length > 0 || actor.role === "admin" ? (
        <Card title="Entitlements" className="mt-6">
          <EntitlementsManager
            providerId={provider.id}
            entitlements={entitlements.map((e) => ({
              id: e.id,
              name: e.name,
              projectId: e.projectId,
              role: e.role,
              actors: e.actors,
            }))}
            canChange={actor.role === "admin"}
          />
        </Card>
      ) : null}
    </>
  );
}
