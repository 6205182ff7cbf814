import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
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
  const input = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";
  return (
    <>
      <PageHeader title="Audit log" description="Every change, who made it, and the correlation id of the request that made it." />
      <Card className="mb-6">
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4" role="search" aria-label="Filter the audit log">
          {FILTERS.map((f) => (
            <div key={f.name}>
              <label htmlFor={`f-${f.name}`} className="block text-xs font-medium">
                {f.label}
              </label>
              <input id={`f-${f.name}`} name={f.name} defaultValue={raw[f.name] ?? ""} placeholder={f.placeholder} className={input} />
            </div>
          ))}
          <div>
            <label htmlFor="f-from" className="block text-xs font-medium">From (UTC)</label>
            <input id="f-from" name="from" type="date" defaultValue={raw.from?.slice(0, 10) ?? ""} className={input} />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-xs font-medium">Before (UTC)</label>
            <input id="f-to" name="to" type="date" defaultValue={raw.to?.slice(0, 10) ?? ""} className={input} />
          </div>
          <div className="flex items-end gap-2">
            <button className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white dark:bg-slate-200 dark:text-slate-900">Apply</button>
            <a href="/audit" className="px-2 py-1.5 text-sm underline">Clear</a>
          </div>
        </form>
        {!parsed.success && <div className="mt-3"><Notice kind="error">Some filters were not understood and were ignored: {parsed.error.issues.map((i) => i.path.join(".")).join(", ")}</Notice></div>}
      </Card>
      <Card title={`${total} events`} actions={<CsvButton rows={events} columns={["at", "actor", "action", "entityType", "entityId", "correlationId", "summary"]} filename="audit.csv" />}>
        {events.length === 0 ? (
          <EmptyState title="No events match these filters" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">Time (UTC)</th>
                  <th className="py-2 pr-4">Actor</th>
                  <th className="py-2 pr-4">Action</th>
                  <th className="py-2 pr-4">Entity</th>
                  <th className="py-2 pr-4">Details</th>
                  <th className="py-2">Correlation id</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 align-top dark:divide-slate-800">
                {events.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td className="whitespace-nowrap py-2 pr-4">{e.at.replace("T", " ").slice(0, 19)}</td>
                    <td className="py-2 pr-4">
                      <a className="underline" href={`/audit?actor=${encodeURIComponent(e.actor)}`}>{e.actor}</a>
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{e.action}</td>
                    <td className="py-2 pr-4 text-xs">
                      <a className="underline" href={`/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`}>
                        {e.entityType} {e.entityId.slice(0, 12)}
                      </a>
                    </td>
                    <td className="max-w-xs py-2 pr-4 font-mono text-xs break-words">{Object.keys(e.summary).length ? JSON.stringify(e.summary) : "—"}</td>
                    <td className="py-2 font-mono text-xs">
                      <a className="underline" href={`/audit?correlationId=${encodeURIComponent(e.correlationId)}`}>{e.correlationId.slice(0, 8)}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager basePath="/audit" params={Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== "page" && k !== "size" && v !== undefined).map(([k, v]) => [k, String(v)]))} page={q.page} size={q.size} total={total} />
      </Card>
    </>
  );
}
