"use client";
import { useActionState } from "react";
import { addOfferingUserAction, removeOfferingUserAction } from "@/app/(portal)/offerings/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TokenControls } from "./token-controls";

export type OfferingUserView = {
  userId: string;
  username: string;
  name: string;
  kind: string;
  granted: string;
  expires: string | null;
};

function RemoveButton({ offering, user, username }: { offering: string; user: string; username: string }) {
  const [state, action, pending] = useActionState(removeOfferingUserAction, { ok: false });
  return (
    <form action={action} onSubmit={(e) => !confirm(`Remove ${username} as OFFERING.MANAGER?`) && e.preventDefault()}>
      <input type="hidden" name="offering" value={offering} />
      <input type="hidden" name="user" value={user} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove ${username}`}>
        Remove
      </Button>
      {state.error && (
        <span role="alert" className="text-sm text-red-600">
          {state.error}
        </span>
      )}
    </form>
  );
}

/** Who manages the offering; owners add service accounts as OFFERING.MANAGER; staff reveal/refresh their tokens. */
export function OfferingUsers({
  offering,
  users,
  canGrant,
  isStaff,
  actorId,
  candidates,
}: {
  offering: string;
  users: OfferingUserView[];
  canGrant: boolean;
  isStaff: boolean;
  actorId: string;
  candidates: { id: string; username: string }[] | null;
}) {
  const [state, action, pending] = useActionState(addOfferingUserAction, { ok: false });
  return (
    <div className="space-y-4">
      {users.length === 0 ? (
        <p className="text-sm text-slate-500">
          No offering managers yet. Add a service account so an agent (e.g. Waldur Site Agent) can manage this offering.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {users.map((u) => (
            <li
              key={u.userId}
              className="flex flex-wrap items-start justify-between gap-3 py-3"
              data-testid="offering-user"
            >
              <div>
                <p className="font-medium">
                  {u.username}{" "}
                  <span className="text-xs font-normal text-slate-500">
                    {u.kind === "service" ? "service account" : "person"} · OFFERING.MANAGER
                  </span>
                </p>
                <p className="text-xs text-slate-500">
                  {u.name} · granted {u.granted.slice(0, 10)}
                  {u.expires ? ` · expires ${u.expires.slice(0, 10)}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap items-start gap-2">
                <TokenControls
                  userId={u.userId}
                  username={u.username}
                  canReveal={isStaff}
                  canRefresh={isStaff || actorId === u.userId}
                />
                {canGrant && <RemoveButton offering={offering} user={u.userId} username={u.username} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canGrant && (
        <form
          action={action}
          className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4 dark:border-slate-800"
        >
          <input type="hidden" name="offering" value={offering} />
          <div className="min-w-64 flex-1">
            <label htmlFor="add-user" className="block text-sm font-medium">
              {candidates ? "Service account" : "User uuid"}
            </label>
            {candidates ? (
              <select
                id="add-user"
                name="user"
                required
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
                aria-invalid={state.fieldErrors?.user ? true : undefined}
              >
                <option value="">— choose —</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.username}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id="add-user"
                name="user"
                required
                placeholder="619d60a1c54f484885dfdf42c1dc5dbe"
                className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
                aria-invalid={state.fieldErrors?.user ? true : undefined}
              />
            )}
            {state.fieldErrors?.user && (
              <p className="text-sm text-red-600 dark:text-red-400">{state.fieldErrors.user.join(" ")}</p>
            )}
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add as OFFERING.MANAGER"}
          </Button>
        </form>
      )}
      {state.ok && <Notice kind="success">Offering manager added.</Notice>}
      {!state.ok && state.error && !state.fieldErrors?.user && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
    </div>
  );
}
