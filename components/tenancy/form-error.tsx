import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

/** A failed action's message; with field errors it points at the fields and keeps the detail below. */
export function FormError({ state }: { state: ActionResult<unknown> }) {
  if (state.ok || !state.error) return null;
  const fields = Object.keys(state.fieldErrors ?? {}).length > 0;
  return (
    <Notice kind="error" correlationId={state.correlationId}>
      {fields ? (
        <>
          <span className="font-medium">Check the fields marked below.</span>
          <span className="mt-1 block text-xs opacity-80">{state.error}</span>
        </>
      ) : (
        state.error
      )}
    </Notice>
  );
}
