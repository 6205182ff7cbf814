"use client";
import { useEffect, useRef } from "react";
import { createTenantAction } from "@/app/(portal)/tenants/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FormError } from "./form-error";
import { useFormAction } from "./use-form-action";

export function CreateTenantForm() {
  const { state, onSubmit, pending, fe } = useFormAction(createTenantAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
    else if (state.fieldErrors) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      {state.ok && state.data && (
        <Notice kind="success">
          Tenant{" "}
          <a className="underline" href={`/tenants/${encodeURIComponent(state.data.domain)}`}>
            {state.data.domain}
          </a>{" "}
          created.
        </Notice>
      )}
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <TextField
          label="Domain"
          name="domain"
          placeholder="contoso.example.com"
          required
          hint="Clients send it as X-Tenant."
          errors={fe.domain}
        />
        <TextField label="Tenant name" name="name" placeholder="Contoso CSP" required errors={fe.name} />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Creating…" : "Create tenant"}
        </Button>
      </div>
    </form>
  );
}
