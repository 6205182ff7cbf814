import type { ReactNode } from "react";

/** The centred card of the pages reached signed out: sign in, sign up, forgot and reset password. */
export function AccountShell({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div>
          <h1 className="text-2xl font-semibold">{title}</h1>
          {intro && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{intro}</p>}
        </div>
        {children}
      </div>
    </main>
  );
}
