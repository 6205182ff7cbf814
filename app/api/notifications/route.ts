// GET /api/notifications — the caller's inbox, newest first, with the unread count
import { listNotificationsOperation } from "@/lib/dialects/portal/notification-operations";
import { handle } from "@/lib/http/handle";
import { listNotifications } from "@/lib/notifications/queries";

export const GET = handle(listNotificationsOperation, async ({ db, actor, query }) => ({
  body: await listNotifications(db, actor.id, query),
}));
