"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { markAllNotificationsRead, markNotification } from "@/lib/notifications/mark-notification";
import { updateNotificationPreferences } from "@/lib/notifications/update-notification-preferences";

export async function markNotificationAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const read = form.get("read") === "true";
  const result = await runAction(async (ctx) => void (await markNotification(ctx, String(form.get("id")), read)));
  revalidatePath("/", "layout"); // the bell's count is in the layout
  return result;
}

export async function markAllNotificationsReadAction(): Promise<ActionResult> {
  const result = await runAction(async (ctx) => void (await markAllNotificationsRead(ctx)));
  revalidatePath("/", "layout");
  return result;
}

export async function updateNotificationPreferencesAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const kinds = form.getAll("kind").map(String);
  const on = new Set(form.getAll("email").map(String));
  const result = await runAction(
    async (ctx) =>
      void (await updateNotificationPreferences(ctx, { email: Object.fromEntries(kinds.map((k) => [k, on.has(k)])) })),
  );
  revalidatePath("/profile");
  return result;
}
