import Link from "next/link";
import { AccountShell } from "@/components/auth/account-shell";
import { ForgotPasswordForm } from "@/components/auth/account-forms";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AccountShell
      title="Forgot your password?"
      intro="Enter your account's e-mail address and we send you a link to choose a new one."
    >
      <ForgotPasswordForm />
      <p className="text-sm">
        <Link className="dark:text-brand-300 text-brand-700 underline" href="/login">
          Back to sign in
        </Link>
      </p>
    </AccountShell>
  );
}
