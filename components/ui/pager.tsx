/** Paging links that keep the current filters in the URL. */
export function Pager({
  basePath,
  params,
  page,
  size,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  size: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const href = (p: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => !!e[1]),
    );
    return `${basePath}?${q}`;
  };
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const link =
    "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
      <span>
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <a className={link} href={href(page - 1)} rel="prev">
            Previous
          </a>
        ) : null}
        <span className="px-2 py-1">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <a className={link} href={href(page + 1)} rel="next">
            Next
          </a>
        ) : null}
      </span>
    </nav>
  );
}
