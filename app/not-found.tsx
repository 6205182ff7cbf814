import Link from "next/link";

export default function NotFound() {
  return (
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link className="mt-4 inline-block text-brand-600 underline" href="/">
        Back to the dashboard
      </Link>
    </main>
  );
}
