import Link from "next/link";
import { AccountShell } from "@/components/auth/account-shell";
import { SignupForm } from "@/components/auth/account-forms";
import { Notice } from "@/components/ui/notice";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign up" };

export default function SignupPage() {
  const open = config.signup === "open";
  return (
    <AccountShell title="Create a Portico account" intro="We e-mail you a link to confirm the address first.">
      {open ? (
        <SignupForm />
      ) : (
        <Notice kind="info">
          Sign-up is closed here. Ask an administrator or your organisation to invite you: the invitation e-mail has a
          link to make your account.
        </Notice>
      )}
      <p className="text-sm">
        Already have an account?{" "}
        <Link className="dark:text-brand-300 text-brand-700 underline" href="/login">
          Sign in
        </Link>
      </p>
    </AccountShell>
  );
}
