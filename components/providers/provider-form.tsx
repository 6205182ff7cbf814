"use client";
import { useActionState } from "react";
import { createProviderAction, updateProviderAction } from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Profile = { id: string; name: string; website: string; abbreviation: string; logo: string };

/** Create or edit a provider's profile; field errors show beside each field. */
export function ProviderForm({ mode, initial }: { mode: "create" | "edit"; initial?: Profile }) {
  const [state, action, pending] = useActionState(mode === "create" ? createProviderAction : updateProviderAction, { ok: false });
  const v = initial ?? { id: "", name: "", website: "", abbreviation: "", logo: "" };
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.ok && mode === "edit" && <Notice kind="success">Saved.</Notice>}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      {mode === "edit" && <input type="hidden" name="currentId" value={v.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Id" name="id" defaultValue={v.id} required={mode === "create"} maxLength={100} errors={fe.id} hint="Used in API paths, e.g. grnet or surf-nl." />
        <TextField label="Abbreviation" name="abbreviation" defaultValue={v.abbreviation} maxLength={100} errors={fe.abbreviation} />
        <div className="sm:col-span-2">
          <TextField label="Name" name="name" defaultValue={v.name} required maxLength={300} errors={fe.name} />
        </div>
        <TextField label="Website" name="website" type="url" defaultValue={v.website} placeholder="https://" errors={fe.website} />
        <TextField label="Logo URL" name="logo" type="url" defaultValue={v.logo} placeholder="https://" errors={fe.logo} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Create provider" : "Save changes"}
      </Button>
    </form>
  );
}
