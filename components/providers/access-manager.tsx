"use client";
import { useActionState, useState } from "react";
import { deleteAclAction, setAclAction } from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Badge, EmptyState } from "@/components/ui/card";
import { ActionButton } from "./action-button";

type Entry = { projectId: string; subject: string; label: string; roles: { role: string; source: string }[] };
const ROLES = [
  { value: "viewer", hint: "reads the usage reports" },
  { value: "collector", hint: "posts usage" },
  { value: "admin", hint: "everything, including this list" },
];

/** Who holds which role on this provider per project; grant (older ACL form) and revoke. */
export function AccessManager({ providerId, entries, canChange }: { providerId: string; entries: Entry[]; canChange: boolean }) {
  const [state, action, pending] = useActionState(setAclAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  const [projectId, setProjectId] = useState("");
  const [who, setWho] = useState("");
  return (
    <div className="space-y-4">
      {entries.length === 0 ? (
        <EmptyState title="Nobody has a role on this provider yet">{canChange ? "Grant one below, or assign an entitlement." : null}</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4">Project</th>
                <th className="py-2 pr-4">Who</th>
                <th className="py-2 pr-4">Roles</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {entries.map((e) => (
                <tr key={`${e.projectId}/${e.subject}`} data-testid="acl-row">
                  <td className="py-2 pr-4 font-mono text-xs">{e.projectId}</td>
                  <td className="py-2 pr-4">{e.label}</td>
                  <td className="py-2 pr-4">
                    <span className="flex flex-wrap gap-1">
                      {e.roles.map((r) => (
                        <Badge key={r.role + r.source} tone={r.source === "entitlement" ? "blue" : "slate"}>
                          {r.role} · {r.source}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td className="py-2 text-right">
                    {canChange && e.roles.some((r) => r.source !== "entitlement") && (
                      <ActionButton action={deleteAclAction} fields={{ providerId, projectId: e.projectId, who: e.subject }} label="Revoke" variant="danger" ariaLabel={`Revoke ${e.label} on project ${e.projectId}`} confirmText={`Remove the ACL roles of ${e.label} on project ${e.projectId}?`} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canChange && (
        <form action={action} className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <p className="text-sm font-medium">Grant roles</p>
          {state.ok && <Notice kind="success">Provider Access Control was successfully created.</Notice>}
          {!state.ok && state.error && <Notice kind="error" correlationId={state.correlationId}>{state.error}</Notice>}
          <input type="hidden" name="providerId" value={providerId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Project id" name="projectId" id="acl-project" value={projectId} onChange={(e) => setProjectId(e.target.value)} required placeholder="e.g. 704029" errors={fe.project_id} />
            <TextField label="Who (username, e-mail or id)" name="who" id="acl-who" value={who} onChange={(e) => setWho(e.target.value)} required errors={fe.who} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium">Roles</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {ROLES.map((r) => (
                <label key={r.value} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="roles" value={r.value} defaultChecked={r.value === "viewer"} />
                  {r.value} <span className="text-xs text-slate-500">({r.hint})</span>
                </label>
              ))}
            </div>
            {fe.roles && <p className="text-sm text-red-600 dark:text-red-400">{fe.roles.join(" ")}</p>}
          </fieldset>
          <Button type="submit" disabled={pending}>{pending ? "Granting…" : "Grant"}</Button>
        </form>
      )}
    </div>
  );
}
