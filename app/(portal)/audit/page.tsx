import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { Pager } from "@/components/ui/pager";
import { listAuditEvents, toAuditEventOutput } from "@/lib/audit/queries";
import { listAuditQuery } from "@/lib/audit/schemas";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";

export const metadata = { title: "Audit log" };

const FILTERS = [
  { name: "actor", label: "Actor", placeholder: "username or id" },
  { name: "action", label: "Action", placeholder: "user.create or user.*" },
  { name: "entityType", label: "Entity type", placeholder: "user, api_token…" },
  { name: "entityId", label: "Entity id", placeholder: "" },
  { name: "correlationId", label: "Correlation id", placeholder: "" },
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requirePageActor("admin", "support");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v !== ""));
  const parsed = listAuditQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : listAuditQuery.parse({});
  const { rows, total } = await listAuditEvents(await getDb(), q);
  const events = rows.map(toAuditEventOutput);
  const input =
    "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, who made it, and the correlation id of the request that made it."
      />
      <Card className="mb-6">
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4"
          role="search"
          aria-label="Filter the audit log"
        >
          {FILTERS.map((f) => (
            <div key={f.name}>
              <label htmlFor={`f-${f.name}`} className="block text-xs font-medium">
                {f.label}
              </label>
              <input
                id={`f-${f.name}`}
                name={f.name}
                defaultValue={raw[f.name] ?? ""}
                placeholder={f.placeholder}
                className={input}
              />
            </div>
          ))}
          <div>
            <label htmlFor="f-from" className="block text-xs font-medium">
              From (UTC)
            </label>
            <input id="f-from" name="from" type="date" defaultValue={raw.from?.slice(0, 10) ?? ""} className={input} />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-xs font-medium">
              Before (UTC)
            </label>
            <input id="f-to" name="to" type="date" defaultValue={raw.to?.slice(0, 10) ?? ""} className={input} />
          </div>
          <div className="flex items-end gap-2">
            <button className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white dark:bg-slate-200 dark:text-slate-900">
              Apply
            </button>
            <a href="/audit" className="px-2 py-1.5 text-sm underline">
              Clear
            </a>
          </div>
        </form>
        {!parsed.success && (
          <div className="mt-3">
            <Notice kind="error">
              Some filters were not understood and were ignored:{" "}
              {parsed.error.issues.map((i) => i.path.join(".")).join(", ")}
            </Notice>
          </div>
        )}
      </Card>
      <Card
        title={`${total} events`}
        actions={
          <CsvButton
            rows={events}
            columns={["at", "actor", "action", "entityType", "entityId", "correlationId", "summary"]}
            filename="audit.csv"
          />
        }
      >
        <DataTable
          caption="Audit events, newest first"
          rows={events}
          rowProps={() => ({ "data-testid": "audit-row", className: "align-top" })}
          empty={<EmptyState title="No events match these filters" />}
          columns={[
            {
              id: "at",
              header: "Time (UTC)",
              className: "whitespace-nowrap",
              cell: (e) => e.at.replace("T", " ").slice(0, 19),
            },
            {
              id: "actor",
              header: "Actor",
              cell: (e) => (
                <a className="underline" href={`/audit?actor=${encodeURIComponent(e.actor)}`}>
                  {e.actor}
                </a>
              ),
            },
            { id: "action", header: "Action", className: "font-mono text-xs", cell: (e) => e.action },
            {
              id: "entity",
              header: "Entity",
              className: "text-xs",
              cell: (e) => (
                <a
                  className="underline"
                  href={`/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`}
                >
                  {e.entityType} {e.entityId.slice(0, 12)}
                </a>
              ),
            },
            {
              id: "details",
              header: "Details",
              className: "max-w-xs font-mono text-xs break-words",
              cell: (e) => (Object.keys(e.summary).length ? JSON.stringify(e.summary) : "—"),
            },
            {
              id: "correlation",
              header: "Correlation id",
              className: "font-mono text-xs",
              cell: (e) => (
                <a className="underline" href={`/audit?correlationId=${encodeURIComponent(e.correlationId)}`}>
                  {e.correlationId.slice(0, 8)}
                </a>
              ),
            },
          ]}
        />
        <Pager
          basePath="/audit"
          params={Object.fromEntries(
            Object.entries(q)
              .filter(([k, v]) => k !== "page" && k !== "size" && v !== undefined)
              .map(([k, v]) => [k, String(v)]),
          )}
          page={q.page}
          size={q.size}
          total={total}
        />
      </Card>
    </>
  );
}
