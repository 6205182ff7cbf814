"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useActionState } from "react";
import { revealCredentialsAction } from "@/app/(portal)/onboarding/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { RegistrationOutput } from "@/lib/registration/schemas";
import { SecretBlock } from "./copy-button";
import { RegistrationStateBadge, when } from "./registration-state-badge";

/** After submit: the request's live state (polled) until a decision; then the credentials, once. */
export function RegistrationStatus({ registrationId }: { registrationId: string }) {
  const { data, isError } = useQuery<RegistrationOutput>({
    queryKey: ["registration", registrationId],
    queryFn: async () => {
      const res = await fetch(`/api/registrations/${registrationId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    refetchInterval: (q) =>
      q.state.data && ["approved", "rejected", "expired"].includes(q.state.data.state) ? false : 3_000,
  });
  const [creds, reveal, revealing] = useActionState(revealCredentialsAction, { ok: false });
  if (!data)
    return (
      <p role="status">{isError ? "Could not load the request's state; retrying…" : "Loading the request's state…"}</p>
    );
  return (
    <div className="space-y-4" aria-live="polite">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        Request for <span className="font-mono">{data.specId}</span>: <RegistrationStateBadge state={data.state} />
        <span className="text-slate-500">submitted {when(data.createdAt)}</span>
      </p>
      {(data.state === "signed" || data.state === "pending") && (
        <Notice kind="info">Waiting for a federation administrator to approve. This page updates by itself.</Notice>
      )}
      {data.state === "rejected" && <Notice kind="error">The request was rejected: {data.rejectionReason}</Notice>}
      {data.state === "expired" && (
        <Notice kind="error">The request expired before anyone decided. Start a new onboarding.</Notice>
      )}
      {data.state === "approved" && (
        <div className="space-y-3">
          <Notice kind="success">
            Approved by {data.decidedBy} at {when(data.decidedAt)}.
          </Notice>
          {creds.ok && creds.data ? (
            <div className="space-y-3" data-testid="credentials">
              <p className="text-sm font-medium">
                Copy these now: they are shown here once. Configure your integration module with them.
              </p>
              <SecretBlock label="Refresh token" value={creds.data.refreshToken} testId="refresh-token" />
              <SecretBlock label="Public key" value={creds.data.publicKey} testId="public-key" />
            </div>
          ) : creds.ok ? (
            <Notice kind="info">
              The credentials have already been shown once. You can rotate the refresh token on the provider page.
            </Notice>
          ) : (
            <form action={reveal}>
              <input type="hidden" name="registrationId" value={registrationId} />
              <Button type="submit" disabled={revealing}>
                {revealing ? "Loading…" : "Show credentials"}
              </Button>
              {creds.error && (
                <Notice kind="error" correlationId={creds.correlationId}>
                  {creds.error}
                </Notice>
              )}
            </form>
          )}
          {data.providerId && (
            <Link
              className="text-sm underline"
              href={`/providers/${encodeURIComponent(data.providerId)}?tab=registration`}
            >
              Open the provider page
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
