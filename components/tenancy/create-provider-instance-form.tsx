"use client";
import { useEffect, useRef, useState } from "react";
import { createProviderInstanceAction } from "@/app/(portal)/tenants/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FormError } from "./form-error";
import { useFormAction } from "./use-form-action";

const TYPES = [
  { value: "microsoft", label: "Microsoft CSP" },
  { value: "portico", label: "A provider registered in Portico" },
  { value: "aws", label: "AWS" },
  { value: "google", label: "Google Cloud" },
  { value: "other", label: "Other external provider" },
];

export function CreateProviderInstanceForm({
  tenant,
  providers,
}: {
  tenant: string;
  providers: { id: string; name: string }[];
}) {
  const { state, onSubmit, pending, fe } = useFormAction(createProviderInstanceAction);
  const [type, setType] = useState("microsoft");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
    else if (state.fieldErrors) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="tenant" value={tenant} />
      {state.ok && state.data && <Notice kind="success">Provider instance “{state.data.name}” configured.</Notice>}
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id="instance-name" label="Instance name" name="name" required errors={fe.name} />
        <SelectField
          id="instance-type"
          label="Type"
          name="type"
          value={type}
          onChange={(e) => setType(e.target.value)}
          errors={fe.type}
        >
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </SelectField>
        {type === "portico" && (
          <SelectField
            id="instance-provider"
            label="Portico provider"
            name="providerId"
            defaultValue=""
            errors={fe.providerId}
          >
            <option value="">Choose a provider…</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.id}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Add provider instance"}
      </Button>
    </form>
  );
}
