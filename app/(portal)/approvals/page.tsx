import { ApprovalQueue } from "@/components/registration/approval-queue";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { correlationIdForAction, requirePageActor } from "@/lib/http/session";
import { readRegistrationQueue } from "@/lib/registration/read-registrations";
import { listRegistrationsQuery } from "@/lib/registration/schemas";

export const metadata = { title: "Approval queue" };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor("admin", "support");
  const raw = await searchParams;
  const state = raw.state === "all" ? undefined : (raw.state ?? "signed");
  const parsed = listRegistrationsQuery.safeParse({ ...raw, state });
  const q = parsed.success ? parsed.data : listRegistrationsQuery.parse({ state: "signed" });
  const initial = await readRegistrationQueue(
    { db: await getDb(), actor, correlationId: await correlationIdForAction() },
    q,
  );
  return (
    <>
      <PageHeader
        title="Approval queue"
        description="Providers asking to join the federation. A request is approved once its sysadmin has signed it; the welcome with its credentials is then delivered to the integration module."
      />
      <Card>
        <ApprovalQueue state={q.state} page={q.page} initial={initial} canDecide={actor.role === "admin"} />
      </Card>
    </>
  );
}
