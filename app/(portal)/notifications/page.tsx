import Link from "next/link";
import { MarkAllReadButton, MarkNotificationButton } from "@/components/notifications/notification-buttons";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { TabNav } from "@/components/ui/tab-nav";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listNotifications } from "@/lib/notifications/queries";
import { listNotificationsQuery, type NotificationOutput } from "@/lib/notifications/schemas";

export const metadata = { title: "Notifications" };

const EMAIL: Record<NotificationOutput["email"], { label: string; tone: "slate" | "green" | "red" | "amber" }> = {
  sent: { label: "e-mailed", tone: "green" },
  pending: { label: "e-mail pending", tone: "amber" },
  failed: { label: "e-mail failed", tone: "red" },
  not_emailed: { label: "not e-mailed", tone: "slate" },
  off: { label: "e-mail off", tone: "slate" },
};

const when = (iso: string) => new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v !== ""));
  const parsed = listNotificationsQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : listNotificationsQuery.parse({});
  const page = await listNotifications(await getDb(), actor.id, q);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            What happened to the things you look after. Choose which ones also come by e-mail on your{" "}
            <Link className="underline" href="/profile">
              profile
            </Link>
            .
          </>
        }
        actions={<MarkAllReadButton disabled={page.unread === 0} />}
      />
      <TabNav
        label="Which notifications"
        current={q.unread ? "unread" : "all"}
        tabs={[
          { key: "all", label: "All", href: "/notifications" },
          { key: "unread", label: `Unread (${page.unread})`, href: "/notifications?unread=true" },
        ]}
      />
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={q.unread ? "Nothing unread" : "No notifications yet"}>
            When something you look after changes, it shows up here.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Notifications">
            {page.items.map((n) => (
              <li
                key={n.id}
                data-testid="notification"
                data-read={n.readAt ? "true" : "false"}
                className="flex flex-wrap items-start justify-between gap-3 py-3"
              >
                <div className="min-w-0 flex-1">
                  <p className={n.readAt ? "" : "font-semibold"}>
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    <Link className="hover:underline" href={n.link}>
                      {n.title}
                    </Link>
                  </p>
                  {n.body && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{n.body}</p>}
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <span>{when(n.createdAt)}</span>
                    <span className="font-mono">{n.kind}</span>
                    <Badge tone={EMAIL[n.email].tone}>{EMAIL[n.email].label}</Badge>
                  </p>
                </div>
                <MarkNotificationButton id={n.id} read={!!n.readAt} title={n.title} />
              </li>
            ))}
          </ul>
        )}
        <Pager
          basePath="/notifications"
          params={{ unread: q.unread ? "true" : undefined }}
          page={q.page}
          size={q.size}
          total={page.total}
        />
      </Card>
    </>
  );
}
