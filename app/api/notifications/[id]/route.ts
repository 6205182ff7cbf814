// PATCH /api/notifications/{id} — mark one of the caller's notifications read or unread
import { markNotificationOperation } from "@/lib/dialects/portal/notification-operations";
import { handle } from "@/lib/http/handle";
import { markNotification } from "@/lib/notifications/mark-notification";

export const PATCH = handle(markNotificationOperation, async (ctx) => ({
  body: await markNotification(ctx, ctx.params.id, ctx.body.read),
}));
