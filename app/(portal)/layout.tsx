import Link from "next/link";
import { navFor } from "@/components/shell/nav-items";
import { PhoneMenu } from "@/components/shell/phone-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Sidebar } from "@/components/shell/sidebar";
import { Button } from "@/components/ui/button";
import { roleLabelFor } from "@/lib/dashboard/role-label-for";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { unreadNotificationCount } from "@/lib/notifications/queries";
import { awaitingApprovalCount } from "@/lib/registration/queries";
import { signOutAction } from "./sign-out-action";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const db = await getDb();
  const staff = actor.role === "admin" || actor.role === "support";
  const [role, approvals, unread] = await Promise.all([
    roleLabelFor(db, actor),
    staff ? awaitingApprovalCount(db) : Promise.resolve(0),
    unreadNotificationCount(db, actor.id),
  ]);
  const badges: Record<string, number> = staff ? { "/approvals": approvals } : {};
  const items = navFor(actor.role);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <PhoneMenu items={items} badges={badges} />
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700 dark:text-white">
          Portico
        </Link>
        <div className="flex min-w-0 flex-1 items-center justify-end gap-3 text-sm">
          <NotificationBell unread={unread} />
          <span data-testid="signed-in-user" className="flex min-w-0 flex-col text-right md:block">
            <span className="truncate">{actor.name || actor.username}</span>{" "}
            <span
              className="truncate text-xs text-slate-600 md:text-sm dark:text-slate-400"
              data-testid="role-label"
              title={role.all.join("\n")}
            >
              ({role.label})
            </span>
          </span>
          <form action={signOutAction}>
            <Button variant="secondary" type="submit">
              Sign out
            </Button>
          </form>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="hidden border-r border-slate-200 p-3 md:block md:w-60 md:shrink-0 dark:border-slate-800">
          <Sidebar items={items} badges={badges} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
