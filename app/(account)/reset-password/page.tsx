import { AccountShell } from "@/components/auth/account-shell";
import { ResetPasswordForm } from "@/components/auth/account-forms";
import { ExpiredLinkNotice } from "@/components/auth/expired-link-notice";
import { getDb } from "@/lib/db/client";
import { findUsableLink } from "@/lib/identity/account-links";
import { findUserById } from "@/lib/users/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const db = await getDb();
  const link = await findUsableLink(db, "password-reset", token);
  const user = link?.userId ? await findUserById(db, link.userId) : undefined;
  return (
    <AccountShell title="Choose a new password" intro="Setting it signs you out everywhere.">
      {link && user?.isActive ? (
        <ResetPasswordForm token={token} username={user.username} />
      ) : (
        <ExpiredLinkNotice askAgain="/forgot-password" />
      )}
    </AccountShell>
  );
}
