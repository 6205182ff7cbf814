import Link from "next/link";
import { DeleteDraftButton } from "@/components/offerings/delete-draft-button";
import { StateBadge } from "@/components/offerings/state-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listOfferingDrafts, listOfferings, type OfferingOrder } from "@/lib/offerings/queries";
import { OFFERING_STATES, type OfferingState } from "@/lib/offerings/schemas";
import { organisationsForOfferings } from "@/lib/organisations/customer-queries";

export const metadata = { title: "Offerings" };

const SIZE = 20;
const SORTS = ["name", "-name", "created", "-created", "state", "-state"] as const;
type Search = { q?: string; state?: string; o?: string; page?: string };

export default async function OfferingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const db = await getDb();
  const page = Math.max(1, Number(sp.page) || 1);
  const state = OFFERING_STATES.includes(sp.state as OfferingState) ? (sp.state as OfferingState) : undefined;
  const o = SORTS.includes(sp.o as (typeof SORTS)[number]) ? (sp.o as OfferingOrder) : "-created";
  const [{ rows, total }, drafts, orgs] = await Promise.all([
    listOfferings(
      db,
      actor,
      { keyword: sp.q?.slice(0, 150) || undefined, states: state ? [state] : undefined, ordering: o },
      { limit: SIZE, offset: (page - 1) * SIZE },
    ),
    listOfferingDrafts(db, actor.id),
    organisationsForOfferings(db, actor),
  ]);
  const params = { q: sp.q, state, o };
  const sortable = (field: string, label: string) => {
    const next = o === field ? `-${field}` : field;
    const q = new URLSearchParams(Object.entries({ ...params, o: next }).filter((e): e is [string, string] => !!e[1]));
    const dir = o === field ? "ascending" : o === `-${field}` ? "descending" : "none";
    return {
      sort: dir,
      header: (
        <a href={`/offerings?${q}`} className="hover:underline">
          {label} {dir === "ascending" ? "▲" : dir === "descending" ? "▼" : ""}
        </a>
      ),
    } as const;
  };
  const csvRows = rows.map((d) => ({
    name: d.offering.name,
    organisation: d.organisation.name,
    category: d.category.title,
    type: d.offering.type,
    state: d.offering.state,
    plans: d.plans.length,
    created: d.offering.createdAt.toISOString(),
  }));
  return (
    <>
      <PageHeader
        title="Offerings"
        description="Services your organisations offer in the marketplace (Waldur offerings), their plans and their managers."
        actions={
          orgs.length > 0 ? (
            <Link
              href="/offerings/new"
              className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              New offering
            </Link>
          ) : undefined
        }
      />
      {drafts.length > 0 && (
        <Card title="Your drafts" className="mb-6">
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {drafts.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="draft-row">
                <span>
                  <span className="font-medium">{d.title}</span>{" "}
                  <span className="text-xs text-slate-500">
                    step {d.step + 1} of 5 · saved {d.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </span>
                </span>
                <span className="flex gap-2">
                  <Link
                    href={`/offerings/new?draft=${d.id}`}
                    className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
                  >
                    Resume
                  </Link>
                  <DeleteDraftButton id={d.id} title={d.title} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <div>
            <label htmlFor="q" className="block text-sm font-medium">
              Search
            </label>
            <input
              id="q"
              name="q"
              defaultValue={sp.q}
              placeholder="Name, description, organisation"
              className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
          <div>
            <label htmlFor="state" className="block text-sm font-medium">
              State
            </label>
            <select
              id="state"
              name="state"
              defaultValue={state ?? ""}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">All</option>
              {OFFERING_STATES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
          <button className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600">Filter</button>
          <span className="ml-auto">
            <CsvButton
              rows={csvRows}
              columns={["name", "organisation", "category", "type", "state", "plans", "created"]}
              filename="offerings.csv"
            />
          </span>
        </form>
        <DataTable
          caption="Offerings"
          rows={rows}
          rowKey={(d) => d.offering.id}
          rowProps={() => ({ "data-testid": "offering-row" })}
          empty={
            <EmptyState title="No offerings match">
              {orgs.length
                ? "Create one with “New offering”, or change the filters."
                : "Offerings of your organisations and Active offerings appear here."}
            </EmptyState>
          }
          columns={[
            {
              id: "name",
              ...sortable("name", "Name"),
              className: "font-medium",
              cell: (d) => (
                <Link
                  href={`/offerings/${d.offering.id}`}
                  className="text-brand-700 hover:underline dark:text-brand-100"
                >
                  {d.offering.name}
                </Link>
              ),
            },
            { id: "organisation", header: "Organisation", cell: (d) => d.organisation.name },
            { id: "category", header: "Category", cell: (d) => d.category.title },
            { id: "type", header: "Type", className: "font-mono text-xs", cell: (d) => d.offering.type },
            { id: "state", ...sortable("state", "State"), cell: (d) => <StateBadge state={d.offering.state} /> },
            { id: "plans", header: "Plans", cell: (d) => d.plans.length },
            {
              id: "created",
              ...sortable("created", "Created"),
              cell: (d) => d.offering.createdAt.toISOString().slice(0, 10),
            },
          ]}
        />
        <Pager basePath="/offerings" params={params} page={page} size={SIZE} total={total} />
      </Card>
    </>
  );
}
