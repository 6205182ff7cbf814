// Shown while the providers list renders (search, paging and sorting all go through the server). Only
// the list: a skeleton above the provider page would start the stream before its 404s.
export default function LoadingProviders() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading providers…</span>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      <div className="h-72 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
    </div>
  );
}
