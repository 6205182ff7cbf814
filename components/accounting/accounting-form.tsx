"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

export type FormFieldSpec = {
  name: string;
  label: string;
  type?: "text" | "date" | "number" | "select";
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
};
type Action = (prev: ActionResult<{ message: string }>, form: FormData) => Promise<ActionResult<{ message: string }>>;

/** A small create form for the accounting setup page: errors beside fields, a notice with the outcome. */
export function AccountingForm({
  action,
  fields,
  submit,
}: {
  action: Action;
  fields: FormFieldSpec[];
  submit: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const prefix = submit.toLowerCase().replace(/[^a-z]+/g, "-"); // several forms share field names on one page
  return (
    <form action={formAction} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) =>
          f.type === "select" ? (
            <SelectField
              key={f.name}
              id={`${prefix}-${f.name}`}
              label={f.label}
              name={f.name}
              required={f.required}
              errors={state.fieldErrors?.[f.name]}
            >
              <option value="">Choose…</option>
              {f.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              key={f.name}
              id={`${prefix}-${f.name}`}
              label={f.label}
              name={f.name}
              type={f.type ?? "text"}
              step={f.type === "number" ? "any" : undefined}
              required={f.required}
              hint={f.hint}
              errors={state.fieldErrors?.[f.name]}
            />
          ),
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submit}
      </Button>
      {state.ok && state.data && <Notice kind="success">{state.data.message}</Notice>}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
    </form>
  );
}
