import { sql } from "drizzle-orm";
import { notificationPreferences } from "@/drizzle/schema";
import type { ActorContext } from "@/lib/auth/actor";
import { parseWith } from "@/lib/errors/zod-errors";
import { notificationPreferencesOf } from "./queries";
import { updateNotificationPreferencesInput, type UpdateNotificationPreferencesInput } from "./schemas";

/** The caller turns e-mail on or off per event kind (the inbox always has every notification). */
export async function updateNotificationPreferences(ctx: ActorContext, input: UpdateNotificationPreferencesInput) {
  const { email } = parseWith(updateNotificationPreferencesInput, input);
  const rows = Object.entries(email).map(([kind, on]) => ({ userId: ctx.actor.id, kind, email: on === true }));
  if (rows.length)
    await ctx.db
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: new Date() },
      });
  return notificationPreferencesOf(ctx.db, ctx.actor.id);
}
