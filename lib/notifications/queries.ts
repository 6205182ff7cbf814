import { and, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { events, mailOutbox, notificationPreferences, notifications, type MailOutboxRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { EVENT_KINDS, eventKinds, type EventKind } from "./event-kinds";
import type { ListNotificationsQuery, NotificationOutput } from "./schemas";

const emailState = (mail: Pick<MailOutboxRow, "status"> | null): NotificationOutput["email"] =>
  !mail ? "off" : mail.status === "kept" ? "not_emailed" : mail.status;

export async function unreadNotificationCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

function selectNotifications(db: Executor, where: SQL | undefined) {
  return db
    .select({ n: notifications, e: events, mailStatus: mailOutbox.status })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .leftJoin(mailOutbox, eq(mailOutbox.id, notifications.mailId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
}

type Joined = Awaited<ReturnType<typeof selectNotifications>>[number];

const toOutput = ({ n, e, mailStatus }: Joined): NotificationOutput => ({
  id: n.id,
  eventId: e.id,
  kind: e.kind,
  title: e.title,
  body: e.body,
  link: e.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
  email: emailState(mailStatus ? { status: mailStatus } : null),
});

/** One person's inbox, newest first. */
export async function listNotifications(db: Executor, userId: string, q: ListNotificationsQuery) {
  const where = and(eq(notifications.userId, userId), q.unread ? isNull(notifications.readAt) : undefined);
  const rows = await selectNotifications(db, where)
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const [{ total }] = await db.select({ total: count() }).from(notifications).where(where);
  return {
    items: rows.map(toOutput),
    total,
    page: q.page,
    size: q.size,
    unread: await unreadNotificationCount(db, userId),
  };
}

/** One of the person's notifications (undefined when it is not theirs). */
export async function findNotification(db: Executor, userId: string, id: string) {
  const [row] = await selectNotifications(db, and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return row ? toOutput(row) : undefined;
}

/** Every kind with the person's e-mail choice (on unless turned off). */
export async function notificationPreferencesOf(db: Executor, userId: string) {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const off = new Set(rows.filter((r) => !r.email).map((r) => r.kind));
  return {
    kinds: eventKinds.map((kind) => ({ kind, ...EVENT_KINDS[kind], email: !off.has(kind) })),
  };
}

/** Of these people, who turned e-mail off for this kind. */
export async function emailOptedOut(db: Executor, kind: EventKind, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.kind, kind),
        eq(notificationPreferences.email, false),
        inArray(notificationPreferences.userId, userIds),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}
