"use client";
import { useEffect, useRef, useState } from "react";
import { addMemberAction } from "@/app/(portal)/tenants/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FormError } from "./form-error";
import { useFormAction } from "./use-form-action";

export function AddMemberForm({ tenant, resellers }: { tenant: string; resellers: { id: string; name: string }[] }) {
  const { state, onSubmit, pending, fe } = useFormAction(addMemberAction);
  const [role, setRole] = useState("reseller");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
    else if (state.fieldErrors) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="tenant" value={tenant} />
      {state.ok && <Notice kind="success">Role granted.</Notice>}
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id="member-user" label="User (username or email)" name="user" required errors={fe.user} />
        <SelectField
          id="member-role"
          label="Tenant role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          errors={fe.role}
        >
          <option value="reseller">reseller (its own customers)</option>
          <option value="csp">csp (the whole tenant)</option>
        </SelectField>
        {role === "reseller" && (
          <SelectField id="member-reseller" label="Reseller" name="resellerId" defaultValue="" errors={fe.resellerId}>
            <option value="">A new reseller named after the user</option>
            {resellers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Granting…" : "Grant role"}
      </Button>
    </form>
  );
}
