"use client";
import { useActionState } from "react";
import { loginAction, type LoginState } from "@/app/login/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, { ok: false });
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && <Notice kind="error">{state.error}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Email or username"
        name="login"
        autoComplete="username"
        defaultValue={state.login}
        required
        autoFocus
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
