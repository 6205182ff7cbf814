"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { offeringStateAction } from "@/app/(portal)/offerings/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { OfferingAction } from "@/lib/offerings/lifecycle";

const LABEL: Record<OfferingAction, string> = {
  activate: "Activate",
  pause: "Pause",
  unpause: "Unpause",
  archive: "Archive",
  draft: "Back to Draft",
};
const CONFIRM: Record<OfferingAction, string> = {
  activate: "Activate this offering? It appears in the public catalogue and can be ordered.",
  pause: "",
  unpause: "Unpause this offering? It becomes orderable again.",
  archive: "Archive this offering? It disappears from the catalogue and can no longer be ordered.",
  draft: "Move this offering back to Draft? It disappears from the catalogue until activated again.",
};

/** The state actions allowed from the current state; each asks for confirmation, pause asks for a reason. */
export function OfferingActions({ id, actions }: { id: string; actions: OfferingAction[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [pausing, setPausing] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string; correlationId?: string } | null>(null);

  const run = (action: OfferingAction, pausedReason?: string) =>
    start(async () => {
      const r = await offeringStateAction(id, action, pausedReason);
      setResult(
        r.ok
          ? { ok: true, text: `${LABEL[action]}: done.` }
          : { ok: false, text: r.error ?? "Failed.", correlationId: r.correlationId },
      );
      if (r.ok) {
        setPausing(false);
        setReason("");
        router.refresh();
      }
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a}
            type="button"
            variant={a === "archive" ? "danger" : a === "activate" || a === "unpause" ? "primary" : "secondary"}
            disabled={pending}
            onClick={() => (a === "pause" ? setPausing(true) : confirm(CONFIRM[a]) && run(a))}
          >
            {LABEL[a]}
          </Button>
        ))}
      </div>
      {pausing && (
        <form
          className="space-y-2 rounded-md border border-amber-300 p-3 dark:border-amber-800"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setReasonError("Say why the offering is paused: customers see this.");
            setReasonError(null);
            run("pause", reason.trim());
          }}
        >
          <label htmlFor="paused_reason" className="block text-sm font-medium">
            Pause reason
          </label>
          <textarea
            id="paused_reason"
            autoFocus
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "paused_reason-error" : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900"
          />
          {reasonError && (
            <p id="paused_reason-error" className="text-sm text-red-600 dark:text-red-400">
              {reasonError}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Pausing…" : "Confirm pause"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setPausing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {result && (
        <Notice kind={result.ok ? "success" : "error"} correlationId={result.correlationId}>
          {result.text}
        </Notice>
      )}
    </div>
  );
}
