"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";

export type LoginState = { ok: boolean; error?: string; login?: string };

/** Signs in through next-auth's credentials provider; the password never goes back into form state. */
export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const login = String(form.get("login") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const callbackUrl = String(form.get("callbackUrl") ?? "/");
  if (!login || !password) return { ok: false, error: "Enter your email or username and your password.", login };
  try {
    await signIn("credentials", {
      login,
      password,
      redirectTo: callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/",
    });
    return { ok: true };
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "rate_limited")
      return { ok: false, error: "Too many sign-in attempts. Wait a few minutes and try again.", login };
    if (e instanceof AuthError) return { ok: false, error: "Wrong email, username or password.", login };
    throw e; // the success redirect
  }
}
