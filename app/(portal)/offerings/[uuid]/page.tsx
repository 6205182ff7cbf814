import { notFound } from "next/navigation";
import { IntegrationForm } from "@/components/offerings/integration-form";
import { OfferingActions } from "@/components/offerings/offering-actions";
import { OfferingUsers } from "@/components/offerings/offering-users";
import { PlansTable } from "@/components/offerings/plans-table";
import { StateBadge } from "@/components/offerings/state-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { offeringAccess } from "@/lib/offerings/access";
import { allowedActions } from "@/lib/offerings/lifecycle";
import { getOfferingDetails, listOfferingUsers } from "@/lib/offerings/queries";
import { hexUuid, toUuid } from "@/lib/offerings/refs";
import { openSecretOptions } from "@/lib/offerings/secrets";
import { listServiceAccounts } from "@/lib/service-accounts/queries";

export const metadata = { title: "Offering" };

export default async function OfferingPage({ params }: { params: Promise<{ uuid: string }> }) {
  const actor = await requirePageActor();
  const id = toUuid((await params).uuid);
  const db = await getDb();
  const d = id ? await getOfferingDetails(db, id) : undefined;
  if (!d) notFound();
  const access = await offeringAccess(db, actor, d.offering);
  if (!access.read) notFound();
  const o = d.offering;
  const users = access.manage || actor.role === "support" ? await listOfferingUsers(db, o.id) : [];
  const candidates =
    actor.role === "admin"
      ? (await listServiceAccounts(db))
          .filter((u) => !users.some((x) => x.user.id === u.id))
          .map((u) => ({ id: u.id, username: u.username }))
      : null;
  const storedSecretKeys = access.owner ? Object.keys(openSecretOptions(o.secretOptions)) : [];
  return (
    <>
      <PageHeader
        title={o.name}
        breadcrumbs={[{ href: "/offerings", label: "Offerings" }]}
        description={o.description}
        actions={<StateBadge state={o.state} />}
      />
      {o.state === "Paused" && o.pausedReason && (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Paused: {o.pausedReason}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-500">Organisation</dt>
            <dd>{d.organisation.name}</dd>
            <dt className="text-slate-500">Category</dt>
            <dd>{d.category.title}</dd>
            <dt className="text-slate-500">Type</dt>
            <dd className="font-mono text-xs">{o.type}</dd>
            <dt className="text-slate-500">Shared</dt>
            <dd>{o.shared ? "yes" : "no"}</dd>
            <dt className="text-slate-500">Provider</dt>
            <dd>{d.providerId ?? "—"}</dd>
            <dt className="text-slate-500">Slug</dt>
            <dd className="font-mono text-xs">{o.slug}</dd>
            <dt className="text-slate-500">UUID</dt>
            <dd className="font-mono text-xs break-all">{hexUuid(o.id)}</dd>
            <dt className="text-slate-500">API</dt>
            <dd className="font-mono text-xs break-all">/api/marketplace-provider-offerings/{hexUuid(o.id)}/</dd>
            <dt className="text-slate-500">Created</dt>
            <dd>{o.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</dd>
          </dl>
        </Card>
        <Card title="State">
          <p className="mb-3 text-sm">
            This offering is <StateBadge state={o.state} />.{" "}
            {o.state === "Active"
              ? "It is listed in the public catalogue."
              : "It is not listed in the public catalogue."}
          </p>
          {access.manage ? (
            <OfferingActions id={o.id} actions={allowedActions(o.state)} />
          ) : (
            <p className="text-sm text-slate-500">Only the offering&apos;s owners and managers change its state.</p>
          )}
        </Card>
      </div>
      <Card title="Components" className="mt-6">
        <DataTable
          caption={`Components of ${o.name}`}
          rows={d.components}
          empty="No components."
          columns={[
            { id: "type", header: "Type", className: "font-mono text-xs", cell: (c) => c.type },
            { id: "name", header: "Name", cell: (c) => c.name },
            { id: "unit", header: "Unit", cell: (c) => c.measuredUnit },
            { id: "billing", header: "Billing", cell: (c) => c.billingType },
            { id: "period", header: "Limit period", cell: (c) => c.limitPeriod ?? "—" },
          ]}
        />
      </Card>
      <Card title="Plans" className="mt-6">
        <PlansTable details={d} />
      </Card>
      {access.manage && (
        <Card title="Integration options" className="mt-6">
          <IntegrationForm
            id={o.id}
            type={o.type}
            plugin={o.pluginOptions}
            storedSecretKeys={storedSecretKeys}
            canSetSecrets={access.owner}
          />
        </Card>
      )}
      {(access.manage || actor.role === "support") && (
        <Card title="Offering managers" className="mt-6">
          <OfferingUsers
            offering={o.id}
            users={users.map((u) => ({
              userId: u.user.id,
              username: u.user.username,
              name: u.user.name,
              kind: u.user.kind,
              granted: u.role.createdAt.toISOString(),
              expires: u.role.expirationTime?.toISOString() ?? null,
            }))}
            canGrant={access.owner}
            isStaff={actor.role === "admin"}
            actorId={actor.id}
            candidates={candidates}
          />
        </Card>
      )}
    </>
  );
}
