import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { notificationPreferencesOf } from "@/lib/notifications/queries";

export const metadata = { title: "Profile" };

// Each area adds its own card here (notifications; sign-in and second factor, …).
export default async function ProfilePage() {
  const actor = await requirePageActor();
  const prefs = await notificationPreferencesOf(await getDb(), actor.id);
  return (
    <>
      <PageHeader title="Profile" description={`${actor.name || actor.username} · ${actor.email}`} />
      <Card title="Notifications">
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          Everything you hear of is in your inbox (the bell at the top). Choose what also comes by e-mail to{" "}
          {actor.email}.
        </p>
        <NotificationPreferencesForm kinds={prefs.kinds} />
      </Card>
    </>
  );
}
