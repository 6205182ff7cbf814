"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { createUserAction } from "@/app/(portal)/users/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, { ok: false });
  const [kind, setKind] = useState("human");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
    else if (state.fieldErrors) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  const fe = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      {state.ok && state.data && <Notice kind="success">User “{state.data.username}” created.</Notice>}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Email" name="email" type="email" required errors={fe.email} />
        <TextField label="Username" name="username" required errors={fe.username} />
        <TextField label="Full name" name="name" errors={fe.name} />
        <SelectField label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} errors={fe.kind}>
          <option value="human">Person</option>
          <option value="service">Service account (API only)</option>
        </SelectField>
        <SelectField label="Role" name="role" defaultValue="member" errors={fe.role}>
          <option value="member">Member</option>
          <option value="support">Support (read everything)</option>
          <option value="admin">Admin</option>
        </SelectField>
        {kind === "human" && (
          <TextField
            label="Initial password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters. Leave empty to set it later."
            errors={fe.password}
          />
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}
