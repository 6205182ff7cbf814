"use client";
import { useActionState, useId, useState } from "react";
import { decideOrderAction } from "@/app/(portal)/orders/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** Approve a pending order, or reject it with a reason the orderer sees. */
export function OrderDecision({ id, name }: { id: string; name: string }) {
  const [state, act, pending] = useActionState(decideOrderAction, { ok: false });
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <form action={act}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="decision" value="approve" />
          <Button type="submit" disabled={pending} aria-label={`Approve ${name}`}>
            Approve
          </Button>
        </form>
        <Button
          type="button"
          variant="secondary"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          aria-label={`Reject… ${name}`}
        >
          Reject…
        </Button>
      </div>
      {open && (
        <form action={act} className="w-full max-w-sm space-y-2 text-left">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="decision" value="reject" />
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason (shown to the orderer)
          </label>
          <textarea
            id={reasonId}
            name="reason"
            required
            maxLength={255}
            rows={2}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <Button type="submit" variant="danger" disabled={pending}>
            {`Confirm rejection of ${name}`}
          </Button>
        </form>
      )}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
    </div>
  );
}
