import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { listCategories } from "@/lib/categories/queries";
import { getDb } from "@/lib/db/client";
import { listOfferings } from "@/lib/offerings/queries";
import { hexUuid, toUuid } from "@/lib/offerings/refs";

export const metadata = { title: "Catalogue" };

const SIZE = 12;

export default async function CataloguePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; category?: string; page?: string }>;
}) {
  const sp = await searchParams;
  const db = await getDb();
  const page = Math.max(1, Number(sp.page) || 1);
  const categoryId = sp.category ? (toUuid(sp.category) ?? "00000000-0000-0000-0000-000000000000") : undefined;
  const [{ rows, total }, cats] = await Promise.all([
    listOfferings(
      db,
      null,
      { keyword: sp.q?.slice(0, 150) || undefined, categoryId, states: ["Active"], ordering: "name" },
      { limit: SIZE, offset: (page - 1) * SIZE },
    ),
    listCategories(db, {}, { limit: 200, offset: 0 }),
  ]);
  return (
    <>
      <PageHeader
        title="Service catalogue"
        description="Services offered by the federation's providers. Open one to see its plans and prices."
      />
      <form role="search" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={sp.q}
            placeholder="Name, description or provider"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <div>
          <label htmlFor="category" className="block text-sm font-medium">
            Category
          </label>
          <select
            id="category"
            name="category"
            defaultValue={sp.category ?? ""}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">All categories</option>
            {cats.rows.map((c) => (
              <option key={c.id} value={hexUuid(c.id)}>
                {c.title} ({c.availableOfferingsCount})
              </option>
            ))}
          </select>
        </div>
        <button className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No offerings found">
          {sp.q || sp.category ? "Try another search or category." : "Providers have not published any offerings yet."}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {rows.map((d) => (
            <li
              key={d.offering.id}
              data-testid="catalogue-card"
              className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <p className="text-xs tracking-wide text-slate-500 uppercase">{d.category.title}</p>
              <h2 className="mt-1 text-base font-semibold">
                <Link href={`/catalogue/${hexUuid(d.offering.id)}`} className="hover:underline">
                  {d.offering.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">by {d.organisation.name}</p>
              <p className="mt-2 line-clamp-3 flex-1 text-sm">{d.offering.description}</p>
              <p className="mt-3 text-xs text-slate-500">
                {d.plans.filter((p) => !p.archived).length} plan(s) ·{" "}
                {d.components.map((c) => c.name).join(", ") || "no metered components"}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager basePath="/catalogue" params={{ q: sp.q, category: sp.category }} page={page} size={SIZE} total={total} />
    </>
  );
}
