import Link from "next/link";
import { navFor } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { awaitingApprovalCount } from "@/lib/registration/queries";
import { signOutAction } from "./sign-out-action";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const badges: Record<string, number> = {};
  if (actor.role === "admin" || actor.role === "support")
    badges["/approvals"] = await awaitingApprovalCount(await getDb());
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700 dark:text-white">
          Portico
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-user">
            {actor.name || actor.username} <span className="text-slate-500">({actor.role})</span>
          </span>
          <form action={signOutAction}>
            <Button variant="secondary" type="submit">
              Sign out
            </Button>
          </form>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="border-b border-slate-200 p-3 md:w-60 md:shrink-0 md:border-r md:border-b-0 dark:border-slate-800">
          <Sidebar items={navFor(actor.role)} badges={badges} />
        </aside>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
