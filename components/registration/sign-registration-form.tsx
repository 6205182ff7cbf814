"use client";
import { useActionState } from "react";
import { signRegistrationAction } from "@/app/(portal)/providers/sign/[token]/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function SignRegistrationForm({ token, specId }: { token: string; specId: string }) {
  const [state, action, pending] = useActionState(signRegistrationAction, { ok: false });
  if (state.ok) {
    return (
      <Notice kind="success">
        <p className="font-medium">You signed the registration of “{specId}”.</p>
        <p className="mt-1">
          Send the token to a federation administrator; they will approve it, and your integration module receives its
          credentials automatically.
        </p>
      </Notice>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state.error && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing…" : `Sign as the administrator of ${specId}`}
      </Button>
    </form>
  );
}
