"use client";
import Link from "next/link";
import { useActionState } from "react";
import {
  completeSignupAction,
  requestPasswordResetAction,
  requestSignupAction,
  resetPasswordAction,
  type AccountFormState,
} from "@/app/(account)/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** The new password of an account; what was typed never comes back from the server. */
function NewPasswordField({ label, errors, autoFocus }: { label: string; errors?: string[]; autoFocus?: boolean }) {
  return (
    <TextField
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      errors={errors}
      hint="At least 10 characters; a passphrase of a few words is best."
      required
      autoFocus={autoFocus}
    />
  );
}

function Failure({ state }: { state: AccountFormState }) {
  if (state.ok || !state.error) return null;
  return (
    <Notice kind="error" correlationId={state.correlationId}>
      {state.error}
    </Notice>
  );
}

/** Asks for a link by e-mail; afterwards says only "check your e-mail", whatever the address was. */
function LinkRequestForm({
  action,
  withName,
  sentMessage,
  submit,
}: {
  action: typeof requestSignupAction;
  withName: boolean;
  sentMessage: string;
  submit: string;
}) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(action, { ok: false });
  if (state.ok) return <Notice kind="success">{sentMessage}</Notice>;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Failure state={state} />
      {withName && (
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          defaultValue={state.values?.name}
          errors={state.fieldErrors?.name}
          required
          autoFocus
        />
      )}
      <TextField
        label="E-mail address"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        required
        autoFocus={!withName}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : submit}
      </Button>
    </form>
  );
}

export function SignupForm() {
  return (
    <LinkRequestForm
      action={requestSignupAction}
      withName
      submit="E-mail me a link"
      sentMessage="Check your e-mail: if the address can be used for a new account, a link to finish signing up is on its way. It works for 24 hours."
    />
  );
}

export function ForgotPasswordForm() {
  return (
    <LinkRequestForm
      action={requestPasswordResetAction}
      withName={false}
      submit="E-mail me a reset link"
      sentMessage="Check your e-mail: if an account uses this address, a link to choose a new password is on its way. It works for one hour."
    />
  );
}

export function CompleteSignupForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(completeSignupAction, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Failure state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField label="E-mail address" name="email-shown" value={email} readOnly autoComplete="email" />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        defaultValue={state.values?.name ?? name}
        errors={state.fieldErrors?.name}
      />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        defaultValue={state.values?.username}
        errors={state.fieldErrors?.username}
        hint="Letters, digits and _ . @ + -; you can also sign in with your e-mail address."
        required
        autoFocus
      />
      <NewPasswordField label="Password" errors={state.fieldErrors?.password} />
      {state.fieldErrors?.token && <Link href="/signup">Ask for a new link</Link>}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token, username }: { token: string; username: string }) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(resetPasswordAction, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Failure state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={username} autoComplete="username" />
      <NewPasswordField label="New password" errors={state.fieldErrors?.password} autoFocus />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
