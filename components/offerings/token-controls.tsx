"use client";
import { useState, useTransition } from "react";
import { refreshTokenAction, revealTokenAction } from "@/app/(portal)/offerings/actions";
import { Button } from "@/components/ui/button";

/** Staff reveal a service account's token; staff (or the account itself) refresh it, which ends the old one. */
export function TokenControls({
  userId,
  username,
  canReveal,
  canRefresh,
}: {
  userId: string;
  username: string;
  canReveal: boolean;
  canRefresh: boolean;
}) {
  const [pending, start] = useTransition();
  const [shown, setShown] = useState<{ token: string; expiresAt: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const run = (fn: typeof revealTokenAction) =>
    start(async () => {
      const r = await fn(userId);
      setCopied(false);
      if (r.ok && r.data) {
        setShown(r.data);
        setError(null);
      } else setError(`${r.error ?? "Failed."}${r.correlationId ? ` (correlation id ${r.correlationId})` : ""}`);
    });
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {canReveal && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => (shown ? setShown(null) : run(revealTokenAction))}
            aria-label={`${shown ? "Hide" : "Reveal"} token of ${username}`}
          >
            {shown ? "Hide token" : "Reveal token"}
          </Button>
        )}
        {canRefresh && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            aria-label={`Refresh token of ${username}`}
            onClick={() =>
              confirm(`Refresh the token of ${username}? The current token stops working at once.`) &&
              run(refreshTokenAction)
            }
          >
            Refresh token
          </Button>
        )}
      </div>
      {shown && (
        <div className="flex flex-wrap items-center gap-2">
          <code
            data-testid="service-token"
            className="rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all dark:bg-slate-800"
          >
            {shown.token}
          </code>
          <Button
            type="button"
            variant="ghost"
            onClick={() => navigator.clipboard?.writeText(shown.token).then(() => setCopied(true))}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
          <span className="text-xs text-slate-500">
            {shown.expiresAt ? `expires ${shown.expiresAt.slice(0, 16).replace("T", " ")} UTC` : "never expires"}
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
