// POST /api/notifications/read-all — mark all the caller's notifications read
import { readAllNotificationsOperation } from "@/lib/dialects/portal/notification-operations";
import { handle } from "@/lib/http/handle";
import { markAllNotificationsRead } from "@/lib/notifications/mark-notification";

export const POST = handle(readAllNotificationsOperation, async (ctx) => ({
  body: await markAllNotificationsRead(ctx),
}));
