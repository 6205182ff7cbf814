import { AccountShell } from "@/components/auth/account-shell";
import { CompleteSignupForm } from "@/components/auth/account-forms";
import { ExpiredLinkNotice } from "@/components/auth/expired-link-notice";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { findUsableLink } from "@/lib/identity/account-links";

export const dynamic = "force-dynamic";
export const metadata = { title: "Finish signing up" };

export default async function CompleteSignupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const link = config.signup === "open" ? await findUsableLink(await getDb(), "signup", token) : undefined;
  return (
    <AccountShell title="Finish signing up" intro="Your e-mail address is confirmed. Choose how you sign in.">
      {link ? (
        <CompleteSignupForm token={token} email={link.email} name={link.data.name ?? ""} />
      ) : (
        <ExpiredLinkNotice askAgain="/signup" />
      )}
    </AccountShell>
  );
}
