"use client";
import { useActionState } from "react";
import { deleteDraftAction } from "@/app/(portal)/offerings/actions";
import { Button } from "@/components/ui/button";

export function DeleteDraftButton({ id, title }: { id: string; title: string }) {
  const [state, action, pending] = useActionState(deleteDraftAction, { ok: false });
  return (
    <form action={action} onSubmit={(e) => !confirm(`Delete the draft “${title}”?`) && e.preventDefault()}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Delete draft ${title}`}>
        {pending ? "Deleting…" : "Delete"}
      </Button>
      {state.error && (
        <span role="alert" className="ml-2 text-sm text-red-600">
          {state.error}
        </span>
      )}
    </form>
  );
}
