"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect, useId, useState } from "react";
import { approveRegistrationAction, rejectRegistrationAction } from "@/app/(portal)/approvals/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** Approve (signed requests) or reject with a reason the provider sees; refreshes the queue afterwards. */
export function RegistrationDecision({ id, specId, canApprove }: { id: string; specId: string; canApprove: boolean }) {
  const client = useQueryClient();
  const [approved, approve, approving] = useActionState(approveRegistrationAction, { ok: false });
  const [rejected, reject, rejecting] = useActionState(rejectRegistrationAction, { ok: false });
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  useEffect(() => {
    if (approved.ok || rejected.ok) void client.invalidateQueries({ queryKey: ["registrations"] });
  }, [approved, rejected, client]);
  const error =
    (!approved.ok && approved.error ? approved : null) ?? (!rejected.ok && rejected.error ? rejected : null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {canApprove && (
          <form action={approve}>
            <input type="hidden" name="id" value={id} />
            <Button type="submit" disabled={approving} aria-label={`Approve ${specId}`}>
              {approving ? "Approving…" : "Approve"}
            </Button>
          </form>
        )}
        <Button
          type="button"
          variant="secondary"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          aria-label={`Reject… ${specId}`}
        >
          Reject…
        </Button>
      </div>
      {open && (
        <form action={reject} className="w-full max-w-sm space-y-2 text-left">
          <input type="hidden" name="id" value={id} />
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason (shown to the provider)
          </label>
          <textarea
            id={reasonId}
            name="reason"
            required
            maxLength={1000}
            rows={2}
            aria-invalid={rejected.fieldErrors?.reason ? true : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          {rejected.fieldErrors?.reason && (
            <p className="text-sm text-red-600 dark:text-red-400">{rejected.fieldErrors.reason.join(" ")}</p>
          )}
          <Button type="submit" variant="danger" disabled={rejecting}>
            {rejecting ? "Rejecting…" : `Confirm rejection of ${specId}`}
          </Button>
        </form>
      )}
      {error && (
        <Notice kind="error" correlationId={error.correlationId}>
          {error.error}
        </Notice>
      )}
    </div>
  );
}
