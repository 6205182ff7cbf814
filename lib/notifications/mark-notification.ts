import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/drizzle/schema";
import type { ActorContext } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/registration/registration-guards";
import { findNotification, unreadNotificationCount } from "./queries";

/** Marks one of the caller's notifications read or unread; someone else's is "not found". */
export async function markNotification(ctx: ActorContext, id: string, read: boolean) {
  const [row] = isUuid(id)
    ? await ctx.db
        .update(notifications)
        .set({ readAt: read ? new Date() : null })
        .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id)))
        .returning()
    : [];
  const found = row && (await findNotification(ctx.db, ctx.actor.id, id));
  if (!found) throw notFound("Notification");
  return found;
}

/** Marks all the caller's notifications read. */
export async function markAllNotificationsRead(ctx: ActorContext) {
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length, unread: await unreadNotificationCount(ctx.db, ctx.actor.id) };
}
