"use client";
import { useActionState } from "react";
import { updateNotificationPreferencesAction } from "@/app/(portal)/notifications/actions";
import { Button } from "@/components/ui/button";

type Kind = { kind: string; label: string; audience: string; email: boolean };

/** E-mail on or off per kind of event; the inbox always has them. */
export function NotificationPreferencesForm({ kinds }: { kinds: Kind[] }) {
  const [state, action, pending] = useActionState(updateNotificationPreferencesAction, { ok: false });
  return (
    <form action={action}>
      <table className="w-full text-sm">
        <caption className="sr-only">E-mail per kind of notification</caption>
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="py-2 font-medium">
              Notification
            </th>
            <th scope="col" className="py-2 font-medium">
              Who hears it
            </th>
            <th scope="col" className="py-2 font-medium">
              Inbox
            </th>
            <th scope="col" className="py-2 font-medium">
              E-mail
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {kinds.map((k) => (
            <tr key={k.kind}>
              <td className="py-2">
                {k.label} <span className="font-mono text-xs text-slate-500">{k.kind}</span>
              </td>
              <td className="py-2 text-slate-600 dark:text-slate-400">{k.audience}</td>
              <td className="py-2 text-slate-600 dark:text-slate-400">always</td>
              <td className="py-2">
                <input type="hidden" name="kind" value={k.kind} />
                <input
                  type="checkbox"
                  name="email"
                  value={k.kind}
                  defaultChecked={k.email}
                  aria-label={`E-mail: ${k.label}`}
                  className="h-4 w-4"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save e-mail choices"}
        </Button>
        {state.ok && (
          <span role="status" className="text-sm text-green-700 dark:text-green-300">
            Saved.
          </span>
        )}
        {state.error && (
          <span role="alert" className="text-sm text-red-600">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
