"use server";
import { redirect, unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth/next-auth";
import { runPublicAction, type ActionResult } from "@/lib/http/action-result";
import { sendAccountMailSoon } from "@/lib/identity/account-mail";
import { completeSignup } from "@/lib/identity/complete-signup";
import { requestPasswordReset } from "@/lib/identity/request-password-reset";
import { requestSignup } from "@/lib/identity/request-signup";
import { resetPassword } from "@/lib/identity/reset-password";

/** What a form shows again after an answer: the fields it sent back, never a password. */
export type AccountFormState = ActionResult & { values?: Record<string, string> };

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function requestSignupAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const values = { email: field(form, "email").trim(), name: field(form, "name") };
  const result = await runPublicAction(async (ctx) => {
    sendAccountMailSoon(ctx.db, await requestSignup(ctx, values), ctx.correlationId);
  });
  return { ...result, values };
}

export async function completeSignupAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const values = { username: field(form, "username").trim(), name: field(form, "name") };
  const password = field(form, "password");
  const result = await runPublicAction((ctx) =>
    completeSignup(ctx, { token: field(form, "token"), password, ...values }),
  );
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  // The new account signs straight in; should that be refused (a rate limit), the sign-in page is next.
  try {
    await signIn("credentials", { login: values.username, password, redirectTo: "/" });
  } catch (e) {
    unstable_rethrow(e); // the success redirect
  }
  redirect("/login?account=created");
}

export async function requestPasswordResetAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const values = { email: field(form, "email").trim() };
  const result = await runPublicAction(async (ctx) => {
    sendAccountMailSoon(ctx.db, await requestPasswordReset(ctx, values), ctx.correlationId);
  });
  return { ...result, values };
}

export async function resetPasswordAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const result = await runPublicAction(async (ctx) => {
    const { mailId } = await resetPassword(ctx, { token: field(form, "token"), password: field(form, "password") });
    sendAccountMailSoon(ctx.db, mailId, ctx.correlationId);
  });
  if (!result.ok) return result;
  redirect("/login?password=reset");
}
