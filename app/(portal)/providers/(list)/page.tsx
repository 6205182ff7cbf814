import Link from "next/link";
import type { ReactNode } from "react";
import { ImportCatalogueButton } from "@/components/providers/import-catalogue-button";
import { SearchBuilder } from "@/components/providers/search-builder";
import { SourceBadge } from "@/components/providers/source-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CsvButton } from "@/components/ui/csv-button";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requirePageActor } from "@/lib/http/session";
import { lastCatalogueImport } from "@/lib/providers/import-catalogue";
import { listProviders } from "@/lib/providers/queries";
import { listProvidersQuery, PROVIDER_SOURCES, type ListProvidersQuery } from "@/lib/providers/schemas";
import { PROVIDER_SEARCH_FIELDS } from "@/lib/providers/search-fields";

export const metadata = { title: "Providers" };

type ProviderRow = Awaited<ReturnType<typeof listProviders>>["rows"][number];

const COLUMNS: {
  key: ListProvidersQuery["sort"];
  label: string;
  className?: string;
  cell: (p: ProviderRow) => ReactNode;
}[] = [
  {
    key: "id",
    label: "Id",
    className: "whitespace-nowrap font-mono text-xs",
    cell: (p) => (
      <Link className="text-brand-700 underline dark:text-blue-300" href={`/providers/${encodeURIComponent(p.id)}`}>
        {p.id}
      </Link>
    ),
  },
  { key: "name", label: "Name", cell: (p) => p.name },
  { key: "abbreviation", label: "Abbreviation", cell: (p) => p.abbreviation || "—" },
  { key: "website", label: "Website", className: "max-w-56 truncate text-xs", cell: (p) => p.website || "—" },
  { key: "source", label: "Source", cell: (p) => <SourceBadge source={p.source} /> },
  {
    key: "created",
    label: "Registered",
    className: "whitespace-nowrap text-xs",
    cell: (p) => p.createdAt.toISOString().slice(0, 10),
  },
];

export default async function ProvidersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const q = listProvidersQuery.parse(raw);
  const db = await getDb();

  let tree: unknown = undefined;
  let dslError: string | undefined;
  if (raw.dsl) {
    try {
      tree = JSON.parse(raw.dsl);
    } catch {
      dslError = "The search in the address is not valid JSON; showing every provider.";
    }
  }
  let result: Awaited<ReturnType<typeof listProviders>>;
  try {
    result = await listProviders(db, q, tree, actor.id);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    dslError = e.message;
    tree = undefined;
    result = await listProviders(db, q, undefined, actor.id);
  }
  const { rows, total } = result;
  const last = actor.role === "admin" || actor.role === "support" ? await lastCatalogueImport(db) : null;

  const keep = Object.fromEntries(
    Object.entries({
      size: String(q.size),
      sort: q.sort,
      dir: q.dir,
      q: q.q,
      source: q.source,
      mine: q.mine,
      dsl: tree !== undefined ? raw.dsl : undefined,
    }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  const sortHref = (key: string) => {
    const p = new URLSearchParams({ ...keep, sort: key, dir: q.sort === key && q.dir === "asc" ? "desc" : "asc" });
    return `/providers?${p}`;
  };
  const csvRows = rows.map((r) => ({
    id: r.id,
    name: r.name,
    abbreviation: r.abbreviation,
    website: r.website,
    logo: r.logo,
    source: r.source,
    creator_id: r.creatorId,
    registered: r.createdAt.toISOString(),
  }));
  const input =
    "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

  return (
    <>
      <PageHeader
        title="Providers"
        description="Every provider, however it came in: the EOSC catalogue import, the ARGO API, UCloud registration or this portal."
        actions={
          actor.role !== "support" && (
            <Link
              href="/providers/new"
              className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              New provider
            </Link>
          )
        }
      />
      {raw.deleted && (
        <div className="mb-4">
          <Notice kind="success">Provider deleted.</Notice>
        </div>
      )}
      {(actor.role === "admin" || last) && (
        <Card title="Catalogue import" className="mb-6">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Catalogue providers are imported once a day and are read-only here.{" "}
            {last
              ? `Last import ${last.at.replace("T", " ").slice(0, 16)} UTC: ${last.created} new, ${last.updated} updated, ${last.unchanged} unchanged.`
              : "No import has run yet."}
          </p>
          {actor.role === "admin" && <ImportCatalogueButton />}
        </Card>
      )}
      <Card title="Search builder" className="mb-6">
        <SearchBuilder key={raw.dsl ?? "none"} fields={PROVIDER_SEARCH_FIELDS} initial={tree} error={dslError} />
      </Card>
      <Card className="mb-6">
        <form method="get" className="grid gap-3 sm:grid-cols-5" role="search" aria-label="Filter providers">
          {keep.dsl && <input type="hidden" name="dsl" value={keep.dsl} />}
          <input type="hidden" name="sort" value={q.sort} />
          <input type="hidden" name="dir" value={q.dir} />
          <div className="sm:col-span-2">
            <label htmlFor="f-q" className="block text-xs font-medium">
              Id, name or abbreviation contains
            </label>
            <input id="f-q" name="q" defaultValue={q.q ?? ""} className={input} />
          </div>
          <div>
            <label htmlFor="f-source" className="block text-xs font-medium">
              Source
            </label>
            <select id="f-source" name="source" defaultValue={q.source ?? ""} className={input}>
              <option value="">Any</option>
              {PROVIDER_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-end pb-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="mine" value="1" defaultChecked={q.mine === "1"} className="h-4 w-4" />
              Only providers I manage
            </label>
          </div>
          <div className="flex items-end gap-2">
            <div>
              <label htmlFor="f-size" className="block text-xs font-medium">
                Per page
              </label>
              <select id="f-size" name="size" defaultValue={String(q.size)} className={input}>
                {[10, 20, 50, 100].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <button className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white dark:bg-slate-200 dark:text-slate-900">
              Apply
            </button>
            <Link href="/providers" className="px-2 py-1.5 text-sm underline">
              Reset
            </Link>
          </div>
        </form>
      </Card>
      <Card
        title={`${total} provider${total === 1 ? "" : "s"}`}
        actions={<CsvButton rows={csvRows} columns={Object.keys(csvRows[0] ?? { id: "" })} filename="providers.csv" />}
      >
        <DataTable
          caption="Providers"
          rows={rows}
          rowKey={(p) => p.pk}
          rowProps={() => ({ "data-testid": "provider-row" })}
          empty={
            <EmptyState title="No provider matches">
              Loosen the search or the filters{actor.role !== "support" ? ", or register a new provider" : ""}.
            </EmptyState>
          }
          columns={COLUMNS.map((c) => ({
            id: c.key,
            header: (
              <a className="hover:underline" href={sortHref(c.key)}>
                {c.label}
                {q.sort === c.key ? (q.dir === "asc" ? " ▲" : " ▼") : ""}
              </a>
            ),
            sort: q.sort === c.key ? (q.dir === "asc" ? "ascending" : "descending") : undefined,
            className: c.className,
            cell: c.cell,
          }))}
        />
        <Pager basePath="/providers" params={keep} page={q.page} size={q.size} total={total} />
      </Card>
    </>
  );
}
