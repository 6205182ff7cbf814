"use client";
import { useActionState } from "react";
import { markAllNotificationsReadAction, markNotificationAction } from "@/app/(portal)/notifications/actions";
import { Button } from "@/components/ui/button";

function ActionError({ error }: { error?: string }) {
  return error ? (
    <span role="alert" className="ml-2 text-sm text-red-600">
      {error}
    </span>
  ) : null;
}

export function MarkNotificationButton({ id, read, title }: { id: string; read: boolean; title: string }) {
  const [state, action, pending] = useActionState(markNotificationAction, { ok: false });
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="read" value={String(!read)} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={`${read ? "Mark unread" : "Mark read"}: ${title}`}
      >
        {read ? "Mark unread" : "Mark read"}
      </Button>
      <ActionError error={state.error} />
    </form>
  );
}

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const [state, action, pending] = useActionState(markAllNotificationsReadAction, { ok: false });
  return (
    <form action={action}>
      <Button type="submit" variant="secondary" disabled={disabled || pending}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
      <ActionError error={state.error} />
    </form>
  );
}
