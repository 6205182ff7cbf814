"use client";
import { useActionState, useState } from "react";
import { createProviderAction, updateProviderAction } from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Profile = { id: string; name: string; website: string; abbreviation: string; logo: string };

/** Create or edit a provider's profile; field errors show beside each field. */
export function ProviderForm({ mode, initial }: { mode: "create" | "edit"; initial?: Profile }) {
  const [state, action, pending] = useActionState(mode === "create" ? createProviderAction : updateProviderAction, {
    ok: false,
  });
  // Controlled, so a refused submission keeps what was typed (React resets uncontrolled forms after an action).
  const [v, setV] = useState<Profile>(initial ?? { id: "", name: "", website: "", abbreviation: "", logo: "" });
  const bind = (k: keyof Profile) => ({
    name: k,
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value }),
  });
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.ok && mode === "edit" && <Notice kind="success">Saved.</Notice>}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      {mode === "edit" && <input type="hidden" name="currentId" value={initial?.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Id"
          {...bind("id")}
          required={mode === "create"}
          maxLength={100}
          errors={fe.id}
          hint="Used in API paths, e.g. grnet or surf-nl."
        />
        <TextField label="Abbreviation" {...bind("abbreviation")} maxLength={100} errors={fe.abbreviation} />
        <div className="sm:col-span-2">
          <TextField label="Name" {...bind("name")} required maxLength={300} errors={fe.name} />
        </div>
        <TextField label="Website" {...bind("website")} type="url" placeholder="https://" errors={fe.website} />
        <TextField label="Logo URL" {...bind("logo")} type="url" placeholder="https://" errors={fe.logo} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Create provider" : "Save changes"}
      </Button>
    </form>
  );
}
