import Link from "next/link";
import { endpointOf, RegistrationStateBadge, when } from "@/components/registration/registration-state-badge";
import { SignRegistrationForm } from "@/components/registration/sign-registration-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { findRegistrationByToken, registrationState } from "@/lib/registration/queries";

export const metadata = { title: "Sign a provider registration" };

/** The link an integration module shows its sysadmin: log in, check what is being registered, sign. */
export default async function SignRegistrationPage({ params }: { params: Promise<{ token: string }> }) {
  const actor = await requirePageActor();
  const { token } = await params;
  const row = token.length <= 200 ? await findRegistrationByToken(await getDb(), token) : null;
  if (!row) {
    return (
      <>
        <PageHeader title="Unknown registration link" />
        <Notice kind="error">
          This link does not match any registration request. Check that you copied the whole link from the integration
          module, or restart the module to get a new one.
        </Notice>
      </>
    );
  }
  const state = registrationState(row);
  const facts: [string, React.ReactNode][] = [
    [
      "Provider id",
      <span key="id" className="font-mono">
        {row.specId}
      </span>,
    ],
    ["Domain", row.domain],
    ["Port", row.port ?? "default"],
    ["HTTPS", row.https ? "yes" : "no"],
    [
      "Welcome will be sent to",
      <span key="url" className="font-mono text-xs break-all">
        {endpointOf(row)}/ucloud/{row.specId}/integration/welcome
      </span>,
    ],
    ["Requested", `${when(row.createdAt.toISOString())}${row.requesterIp ? ` from ${row.requesterIp}` : ""}`],
    ["Expires", when(row.expiresAt.toISOString())],
  ];
  return (
    <>
      <PageHeader
        title={`Register provider “${row.specId}”`}
        description="An integration module asked to join this federation. Sign only if you administer this provider and you started the module."
      />
      <Card
        title={
          <span className="flex items-center gap-2">
            What is being registered <RegistrationStateBadge state={state} />
          </span>
        }
      >
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-6">
          {state === "pending" && <SignRegistrationForm token={token} specId={row.specId} />}
          {state === "signed" && (
            <Notice kind={row.signedBy === actor.id ? "success" : "info"}>
              {row.signedBy === actor.id
                ? "You have signed this request. It now waits for a federation administrator."
                : "Someone else has already signed this request."}
            </Notice>
          )}
          {state === "approved" && (
            <Notice kind="success">
              This provider has been approved.{" "}
              <Link className="underline" href={`/providers/${encodeURIComponent(row.specId)}?tab=registration`}>
                Open its page
              </Link>
              .
            </Notice>
          )}
          {state === "rejected" && (
            <Notice kind="error">
              This request was rejected{row.rejectionReason ? `: ${row.rejectionReason}` : "."}
            </Notice>
          )}
          {state === "expired" && (
            <Notice kind="error">This request has expired. Restart the integration module to get a new link.</Notice>
          )}
        </div>
      </Card>
    </>
  );
}
