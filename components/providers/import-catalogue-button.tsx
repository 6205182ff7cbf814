"use client";
import { useActionState } from "react";
import { importCatalogueAction } from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** Admin: run the catalogue import now and show what changed. */
export function ImportCatalogueButton() {
  const [state, action, pending] = useActionState(importCatalogueAction, { ok: false });
  const s = state.data;
  return (
    <div className="space-y-2">
      <form action={action}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Importing…" : "Import catalogue now"}
        </Button>
      </form>
      {state.ok && s && (
        <Notice kind="success">
          <span data-testid="import-summary">
            Catalogue imported: {s.created} new, {s.updated} updated, {s.unchanged} unchanged
            {s.skipped.length
              ? `, ${s.skipped.length} skipped (id registered another way: ${s.skipped.join(", ")})`
              : ""}
            {s.invalid.length ? `, ${s.invalid.length} invalid records` : ""}.
          </span>
        </Notice>
      )}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
    </div>
  );
}
