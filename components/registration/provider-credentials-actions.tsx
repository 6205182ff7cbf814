"use client";
import { useActionState, useState } from "react";
import { retryWelcomeAction, rotateRefreshTokenAction } from "@/app/(portal)/providers/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SecretBlock } from "./copy-button";

/** Rotation asks first, then shows the new refresh token once. */
export function RotateRefreshToken({ id }: { id: string }) {
  const [state, action, pending] = useActionState(rotateRefreshTokenAction, { ok: false });
  const [confirming, setConfirming] = useState(false);
  if (state.ok && state.data) {
    return (
      <Notice kind="success">
        <p className="mb-2 font-medium">
          New refresh token issued. The old one no longer works. Copy it now: it is shown here once.
        </p>
        <SecretBlock label="Refresh token" value={state.data.refreshToken} testId="rotated-refresh-token" />
      </Notice>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      {!confirming ? (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Rotate refresh token…
        </Button>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm">The integration module stops working until it gets the new token.</span>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Rotating…" : "Rotate now"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      )}
      {!state.ok && state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
    </form>
  );
}

export function RetryWelcome({ id, outboxId }: { id: string; outboxId: string }) {
  const [state, action, pending] = useActionState(retryWelcomeAction, { ok: false });
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="outboxId" value={outboxId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Retry now"}
      </Button>
      {state.ok && state.data && (
        <span role="status" className="text-xs">
          Result: {state.data.outcome}
        </span>
      )}
      {!state.ok && state.error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {state.error} ({state.correlationId})
        </span>
      )}
    </form>
  );
}
