"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Button } from "@/components/ui/button";

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** A one-button form for a server action, with pending state, an optional confirmation and its error beside it. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirmText,
  variant = "secondary",
  ariaLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  confirmText?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  ariaLabel?: string;
}) {
  const [state, run, pending] = useActionState(action, { ok: false });
  return (
    <form
      action={run}
      className="inline-flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        if (confirmText && !confirm(confirmText)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {pending ? (pendingLabel ?? "Working…") : label}
      </Button>
      {state.error && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.error}{" "}
          {state.correlationId && <span className="text-xs opacity-75">(correlation id {state.correlationId})</span>}
        </span>
      )}
    </form>
  );
}
