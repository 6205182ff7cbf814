"use client";
import { useActionState, useState } from "react";
import { createTokenAction } from "@/app/(portal)/tokens/actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** Creates a token and shows its secret once, with a copy button; the secret is not kept anywhere else. */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, { ok: false });
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      {state.ok && state.data && (
        <Notice kind="success">
          <p className="font-medium">Token “{state.data.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="new-token"
              className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 dark:bg-slate-800 dark:text-slate-100"
            >
              {state.data.token}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={() => navigator.clipboard?.writeText(state.data!.token).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Notice>
      )}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <TextField
          label="Token name"
          name="name"
          placeholder="e.g. site agent on login01"
          required
          maxLength={100}
          errors={state.fieldErrors?.name}
        />
        <SelectField label="Lifetime" name="expiresInDays" defaultValue="90" errors={state.fieldErrors?.expiresInDays}>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
          <option value="90">90 days</option>
          <option value="365">1 year</option>
          <option value="never">Never expires</option>
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
