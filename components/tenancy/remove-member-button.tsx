"use client";
import { useActionState } from "react";
import { removeMemberAction } from "@/app/(portal)/tenants/actions";
import { Button } from "@/components/ui/button";

export function RemoveMemberButton({ tenant, userId, username }: { tenant: string; userId: string; username: string }) {
  const [state, action, pending] = useActionState(removeMemberAction, { ok: false });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Remove ${username}'s role in this tenant? Their customers stay.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Remove ${username}`}>
        {pending ? "Removing…" : "Remove"}
      </Button>
      {state.error && (
        <span role="alert" className="ml-2 text-sm text-red-600">
          {state.error}
        </span>
      )}
    </form>
  );
}
