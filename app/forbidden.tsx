import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Your role does not give access to this page.</p>
      <Link className="mt-4 inline-block text-brand-600 underline" href="/">
        Back to the dashboard
      </Link>
    </main>
  );
}
