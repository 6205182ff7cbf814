import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Notice } from "@/components/ui/notice";
import { config } from "@/lib/config";
import { currentActor } from "@/lib/http/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password=reset": "Your password was changed and every session signed out. Sign in with the new one.",
  "account=created": "Your account is ready. Sign in with your username or e-mail address.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; password?: string; account?: string }>;
}) {
  const { callbackUrl = "/", password, account } = await searchParams;
  const notice = NOTICES[`password=${password}`] ?? NOTICES[`account=${account}`];
  if (await currentActor()) redirect(callbackUrl.startsWith("/") ? callbackUrl : "/");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div>
          <h1 className="text-2xl font-semibold">Sign in to Portico</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Provider onboarding, catalogue and usage reports.
          </p>
        </div>
        {notice && <Notice kind="success">{notice}</Notice>}
        <LoginForm callbackUrl={callbackUrl} />
        <p className="flex justify-between gap-4 text-sm">
          <Link className="dark:text-brand-300 text-brand-700 underline" href="/forgot-password">
            Forgot your password?
          </Link>
          {config.signup === "open" && (
            <Link className="dark:text-brand-300 text-brand-700 underline" href="/signup">
              Create an account
            </Link>
          )}
        </p>
      </div>
    </main>
  );
}
