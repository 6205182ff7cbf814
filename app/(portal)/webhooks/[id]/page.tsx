import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { webhookEndpoints } from "@/drizzle/schema";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { RedeliverButton } from "@/components/webhooks/webhook-forms";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requirePageActor } from "@/lib/http/session";
import { isUuid } from "@/lib/registration/registration-guards";
import { requireWebhookAccess } from "@/lib/webhooks/access";
import { listWebhookDeliveries } from "@/lib/webhooks/queries";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

export const metadata = { title: "Webhook deliveries" };

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");
const TONE = { pending: "amber", delivered: "green", failed: "red" } as const;

export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const db = await getDb();
  const [hook] = isUuid(id) ? await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)) : [];
  if (!hook) notFound();
  try {
    await requireWebhookAccess(db, actor, hook.organisationId, "read");
  } catch (e) {
    if (e instanceof AppError) notFound(); // whoever may not see it is told it does not exist
    throw e;
  }
  const parsed = listDeliveriesQuery.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : listDeliveriesQuery.parse({});
  const log = await listWebhookDeliveries(db, hook.id, q);
  const canWrite = actor.role !== "support";
  return (
    <>
      <PageHeader
        title="Deliveries"
        breadcrumbs={[{ href: `/webhooks?organisation=${hook.organisationId}`, label: "Webhooks" }]}
        description={
          <>
            To <code className="break-all">{hook.url}</code>. Each delivery keeps its <code>webhook-id</code> on every
            attempt and redelivery; failures are retried with exponential backoff.
          </>
        }
      />
      <Card>
        <DataTable
          caption="Deliveries, newest first"
          rows={log.items}
          rowProps={() => ({ "data-testid": "delivery-row" })}
          empty={
            <EmptyState title="Nothing sent yet">
              Deliveries appear here as the organisation&apos;s events happen.
            </EmptyState>
          }
          columns={[
            { id: "when", header: "Event at", cell: (d) => when(d.createdAt) },
            {
              id: "event",
              header: "Event",
              cell: (d) => (
                <>
                  <span className="font-mono text-xs">{d.kind}</span>
                  <br />
                  {d.title}
                </>
              ),
            },
            { id: "status", header: "Status", cell: (d) => <Badge tone={TONE[d.status]}>{d.status}</Badge> },
            {
              id: "attempts",
              header: "Attempts",
              cell: (d) => (
                <details>
                  <summary className="cursor-pointer">
                    {d.attempts}
                    {d.lastStatus ? ` · HTTP ${d.lastStatus}` : ""}
                  </summary>
                  <ul className="mt-1 space-y-1 text-xs">
                    {d.log.map((a) => (
                      <li key={a.attempt}>
                        #{a.attempt} {when(a.startedAt)} · {a.durationMs} ms ·{" "}
                        {a.ok ? `HTTP ${a.httpStatus}` : (a.error ?? `HTTP ${a.httpStatus}`)}
                      </li>
                    ))}
                  </ul>
                </details>
              ),
            },
            {
              id: "next",
              header: "Next attempt / error",
              cell: (d) => (d.status === "pending" ? when(d.nextAttemptAt) : (d.lastError ?? "—")),
            },
            {
              id: "actions",
              header: <span className="sr-only">Actions</span>,
              align: "right",
              cell: (d) =>
                canWrite && (
                  <RedeliverButton
                    organisationId={hook.organisationId}
                    webhookId={hook.id}
                    id={d.id}
                    label={`${d.kind} of ${when(d.createdAt)}`}
                  />
                ),
            },
          ]}
        />
        <Pager basePath={`/webhooks/${hook.id}`} params={{}} page={q.page} size={q.size} total={log.total} />
      </Card>
    </>
  );
}
