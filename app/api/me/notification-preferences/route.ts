// GET /api/me/notification-preferences — e-mail on/off per event kind · PUT — change some of them
import {
  getNotificationPreferencesOperation,
  updateNotificationPreferencesOperation,
} from "@/lib/dialects/portal/notification-operations";
import { handle } from "@/lib/http/handle";
import { notificationPreferencesOf } from "@/lib/notifications/queries";
import { updateNotificationPreferences } from "@/lib/notifications/update-notification-preferences";

export const GET = handle(getNotificationPreferencesOperation, async ({ db, actor }) => ({
  body: await notificationPreferencesOf(db, actor.id),
}));

export const PUT = handle(updateNotificationPreferencesOperation, async (ctx) => ({
  body: await updateNotificationPreferences(ctx, ctx.body),
}));
