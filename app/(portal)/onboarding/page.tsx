import Link from "next/link";
import { RegistrationStateBadge, when } from "@/components/registration/registration-state-badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { requirePageActor } from "@/lib/http/session";
import { listDrafts, WIZARD_STEPS, type DraftData } from "@/lib/registration/onboarding-drafts";
import { getRegistration } from "@/lib/registration/queries";
import { deleteDraftAction, startOnboardingAction } from "./actions";

export const metadata = { title: "Provider onboarding" };

export default async function OnboardingPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const drafts = await listDrafts(db, actor.id);
  const regs = await Promise.all(drafts.map((d) => (d.registrationId ? getRegistration(db, d.registrationId) : null)));
  return (
    <>
      <PageHeader
        title="Provider onboarding"
        description="Register a provider without an integration module: organisation details, integration endpoint, review, submit. Your progress is saved as a draft you can resume."
        actions={
          <form action={startOnboardingAction}>
            <Button type="submit">Start a new onboarding</Button>
          </form>
        }
      />
      <Card title="Your onboardings">
        {drafts.length === 0 ? (
          <EmptyState title="No onboardings yet">Start one with the button above.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {drafts.map((d, i) => {
              const data = d.data as DraftData;
              const reg = regs[i];
              return (
                <li
                  key={d.id}
                  data-testid="draft-row"
                  className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
                >
                  <div>
                    <Link
                      className="font-medium text-brand-700 underline dark:text-brand-100"
                      href={`/onboarding/${d.id}`}
                    >
                      {data.id || "Untitled provider"}
                    </Link>
                    <span className="ml-2 text-slate-500">{data.name}</span>
                    <span className="block text-xs text-slate-500">
                      {reg ? "submitted" : `draft, at step “${WIZARD_STEPS[d.step] ?? WIZARD_STEPS[0]}”`} · updated{" "}
                      {when(d.updatedAt.toISOString())}
                    </span>
                  </div>
                  <div className="flex items-center gap-2">
                    {reg && <RegistrationStateBadge state={reg.state} />}
                    {!reg && (
                      <>
                        <Link
                          className="rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-600"
                          href={`/onboarding/${d.id}`}
                        >
                          Resume
                        </Link>
                        <form action={deleteDraftAction}>
                          <input type="hidden" name="draftId" value={d.id} />
                          <Button type="submit" variant="ghost" aria-label={`Delete draft ${data.id || "untitled"}`}>
                            Delete
                          </Button>
                        </form>
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
