"use client";
import { useActionState } from "react";
import { revokeTokenAction } from "@/app/(portal)/tokens/actions";
import { Button } from "@/components/ui/button";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, { ok: false });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Revoke the token “${name}”? Anything using it stops working at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {state.error && (
        <span role="alert" className="ml-2 text-sm text-red-600">
          {state.error}
        </span>
      )}
    </form>
  );
}
