import Link from "next/link";

export const dynamic = "force-dynamic";

// The public catalogue: no login, its own light shell.
export default function CatalogueLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <Link href="/catalogue" className="text-lg font-semibold tracking-tight text-brand-700 dark:text-white">
          Portico <span className="font-normal text-slate-500">catalogue</span>
        </Link>
        <Link href="/" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">
          Portal
        </Link>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
