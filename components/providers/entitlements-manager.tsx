"use client";
import { useActionState } from "react";
import {
  assignEntitlementAction,
  createEntitlementAction,
  deleteEntitlementAction,
  unassignEntitlementAction,
} from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { EmptyState } from "@/components/ui/card";
import { ActionButton } from "./action-button";

type Entitlement = {
  id: string;
  name: string;
  projectId: string;
  role: string;
  actors: { id: string; username: string | null }[];
};

function AssignForm({ providerId, entitlementId }: { providerId: string; entitlementId: string }) {
  const [state, action, pending] = useActionState(assignEntitlementAction, { ok: false });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="providerId" value={providerId} />
      <input type="hidden" name="entitlementId" value={entitlementId} />
      <label className="text-xs">
        <span className="sr-only">Actor to assign</span>
        <input
          name="actor"
          required
          placeholder="username, e-mail or id"
          aria-label="Actor to assign"
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Assigning…" : "Assign"}
      </Button>
      {state.error && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}

/** ARGO entitlements of this provider: create, assign to actors, unassign, delete (admin). */
export function EntitlementsManager({
  providerId,
  entitlements,
  canChange,
}: {
  providerId: string;
  entitlements: Entitlement[];
  canChange: boolean;
}) {
  const [state, action, pending] = useActionState(createEntitlementAction, { ok: false });
  return (
    <div className="space-y-4">
      {entitlements.length === 0 ? (
        <EmptyState title="No entitlements for this provider" />
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {entitlements.map((e) => (
            <li key={e.id} className="space-y-2 py-3" data-testid="entitlement-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <code className="text-xs break-all">{e.name}</code>
                {canChange && (
                  <ActionButton
                    action={deleteEntitlementAction}
                    fields={{ providerId, entitlementId: e.id }}
                    label="Delete"
                    variant="danger"
                    confirmText={`Delete the entitlement ${e.name}? Everyone holding it loses the role.`}
                  />
                )}
              </div>
              <p className="text-sm">
                Project <span className="font-mono">{e.projectId}</span>, role <strong>{e.role}</strong>. Held by:{" "}
                {e.actors.length === 0 && "nobody yet"}
              </p>
              <ul className="flex flex-wrap gap-2">
                {e.actors.map((a) => (
                  <li
                    key={a.id}
                    className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800"
                  >
                    {a.username ?? a.id}
                    {canChange && (
                      <ActionButton
                        action={unassignEntitlementAction}
                        fields={{ providerId, entitlementId: e.id, actor: a.id }}
                        label="×"
                        variant="ghost"
                        ariaLabel={`Unassign ${a.username ?? a.id}`}
                      />
                    )}
                  </li>
                ))}
              </ul>
              {canChange && <AssignForm providerId={providerId} entitlementId={e.id} />}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <form action={action} className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <p className="text-sm font-medium">New entitlement</p>
          {state.ok && <Notice kind="success">Entitlement created successfully.</Notice>}
          {!state.ok && state.error && (
            <Notice kind="error" correlationId={state.correlationId}>
              {state.error}
            </Notice>
          )}
          <input type="hidden" name="providerId" value={providerId} />
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              label="Namespace"
              name="namespace"
              id="ent-namespace"
              defaultValue="urn:geant:sandbox.eosc-beyond.eu:core:integration"
              required
            />
            <TextField label="Project id" name="projectId" id="ent-project" required placeholder="e.g. 704029" />
            <SelectField label="Role" name="role" id="ent-role" defaultValue="viewer">
              <option value="viewer">viewer</option>
              <option value="collector">collector</option>
              <option value="admin">admin</option>
            </SelectField>
          </div>
          {state.fieldErrors?.name && (
            <p className="text-sm text-red-600 dark:text-red-400">{state.fieldErrors.name.join(" ")}</p>
          )}
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create entitlement"}
          </Button>
        </form>
      )}
    </div>
  );
}
