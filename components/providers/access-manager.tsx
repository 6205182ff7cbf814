"use client";
import { useActionState, useState } from "react";
import { deleteAclAction, setAclAction } from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ActionButton } from "./action-button";

type Entry = { projectId: string; subject: string; label: string; roles: { role: string; source: string }[] };
const ROLES = [
  { value: "viewer", hint: "reads the usage reports" },
  { value: "collector", hint: "posts usage" },
  { value: "admin", hint: "everything, including this list" },
];

/** Who holds which role on this provider per project; grant (older ACL form) and revoke. */
export function AccessManager({
  providerId,
  entries,
  canChange,
}: {
  providerId: string;
  entries: Entry[];
  canChange: boolean;
}) {
  const [state, action, pending] = useActionState(setAclAction, { ok: false });
  const fe = state.fieldErrors ?? {};
  const [projectId, setProjectId] = useState("");
  const [who, setWho] = useState("");
  return (
    <div className="space-y-4">
      <DataTable
        caption="Roles on this provider per project"
        rows={entries}
        rowKey={(e) => `${e.projectId}/${e.subject}`}
        rowProps={() => ({ "data-testid": "acl-row" })}
        empty={
          <EmptyState title="Nobody has a role on this provider yet">
            {canChange ? "Grant one below, or assign an entitlement." : null}
          </EmptyState>
        }
        columns={[
          { id: "project", header: "Project", className: "font-mono text-xs", cell: (e) => e.projectId },
          { id: "who", header: "Who", cell: (e) => e.label },
          {
            id: "roles",
            header: "Roles",
            cell: (e) => (
              <span className="flex flex-wrap gap-1">
                {e.roles.map((r) => (
                  <Badge key={r.role + r.source} tone={r.source === "entitlement" ? "blue" : "slate"}>
                    {r.role} · {r.source}
                  </Badge>
                ))}
              </span>
            ),
          },
          {
            id: "actions",
            header: <span className="sr-only">Actions</span>,
            align: "right",
            cell: (e) =>
              canChange &&
              e.roles.some((r) => r.source !== "entitlement") && (
                <ActionButton
                  action={deleteAclAction}
                  fields={{ providerId, projectId: e.projectId, who: e.subject }}
                  label="Revoke"
                  variant="danger"
                  ariaLabel={`Revoke ${e.label} on project ${e.projectId}`}
                  confirmText={`Remove the ACL roles of ${e.label} on project ${e.projectId}?`}
                />
              ),
          },
        ]}
      />
      {canChange && (
        <form action={action} className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <p className="text-sm font-medium">Grant roles</p>
          {state.ok && <Notice kind="success">Provider Access Control was successfully created.</Notice>}
          {!state.ok && state.error && (
            <Notice kind="error" correlationId={state.correlationId}>
              {state.error}
            </Notice>
          )}
          <input type="hidden" name="providerId" value={providerId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Project id"
              name="projectId"
              id="acl-project"
              value={projectId}
              onChange={(e) => setProjectId(e.target.value)}
              required
              placeholder="e.g. 704029"
              errors={fe.project_id}
            />
            <TextField
              label="Who (username, e-mail or id)"
              name="who"
              id="acl-who"
              value={who}
              onChange={(e) => setWho(e.target.value)}
              required
              errors={fe.who}
            />
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
          <Button type="submit" disabled={pending}>
            {pending ? "Granting…" : "Grant"}
          </Button>
        </form>
      )}
    </div>
  );
}
