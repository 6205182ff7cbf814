import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { CreateWebhookForm, WebhookRowActions, WebhookSettingsForm } from "@/components/webhooks/webhook-forms";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { EVENT_KINDS, eventKinds } from "@/lib/notifications/event-kinds";
import { requireWebhookAccess } from "@/lib/webhooks/access";
import { listWebhooks, toWebhookOutput, webhookOrganisations } from "@/lib/webhooks/queries";
import { webhookSettings } from "@/lib/webhooks/settings";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ organisation?: string }> }) {
  const actor = await requirePageActor();
  const db = await getDb();
  const orgs = await webhookOrganisations(db, actor);
  const wanted = (await searchParams).organisation;
  const org = orgs.find((o) => o.id === wanted) ?? orgs[0];
  const canWrite = actor.role !== "support";
  const settings = actor.role === "admin" ? await webhookSettings(db) : null;
  const hooks = org ? (await requireWebhookAccess(db, actor, org.id, "read"), await listWebhooks(db, org.id)) : [];
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your organisation's events, POSTed as they happen to your endpoints and signed with each endpoint's secret (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)."
      />
      {settings && (
        <Card title="Private targets (admin)" className="mb-6">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Off (the default): endpoints that are, or resolve to, private, loopback or link-local addresses are refused,
            so no one can make Portico call into its own network.
          </p>
          <WebhookSettingsForm allowPrivateTargets={settings.allowPrivateTargets} />
        </Card>
      )}
      {!org ? (
        <Card>
          <EmptyState title="No organisation to manage">
            Webhooks belong to an organisation; its owners and managers add them here.
          </EmptyState>
        </Card>
      ) : (
        <>
          {orgs.length > 1 && (
            <form method="get" className="mb-6 flex items-end gap-2">
              <div>
                <label htmlFor="organisation" className="block text-sm font-medium">
                  Organisation
                </label>
                <select
                  id="organisation"
                  name="organisation"
                  defaultValue={org.id}
                  className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
                >
                  {orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                Show
              </button>
            </form>
          )}
          <Card title={`Endpoints of ${org.name}`}>
            <DataTable
              caption={`Webhook endpoints of ${org.name}`}
              rows={hooks.map(toWebhookOutput)}
              rowProps={() => ({ "data-testid": "webhook-row" })}
              empty={<EmptyState title="No endpoints yet">Add one below.</EmptyState>}
              columns={[
                {
                  id: "url",
                  header: "Endpoint",
                  cell: (h) => (
                    <Link className="font-mono text-xs break-all hover:underline" href={`/webhooks/${h.id}`}>
                      {h.url}
                    </Link>
                  ),
                },
                { id: "description", header: "Description", cell: (h) => h.description || "—" },
                { id: "kinds", header: "Events", cell: (h) => (h.kinds.length ? h.kinds.join(", ") : "all") },
                { id: "secret", header: "Secret", className: "font-mono text-xs", cell: (h) => `${h.secretPrefix}…` },
                {
                  id: "state",
                  header: "State",
                  cell: (h) => <Badge tone={h.active ? "green" : "amber"}>{h.active ? "active" : "paused"}</Badge>,
                },
                {
                  id: "actions",
                  header: <span className="sr-only">Actions</span>,
                  align: "right",
                  cell: (h) =>
                    canWrite && <WebhookRowActions organisationId={org.id} id={h.id} url={h.url} active={h.active} />,
                },
              ]}
            />
          </Card>
          {canWrite && (
            <Card title="Add an endpoint" className="mt-6">
              <CreateWebhookForm
                organisationId={org.id}
                kinds={eventKinds.map((k) => ({ kind: k, label: EVENT_KINDS[k].label }))}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
