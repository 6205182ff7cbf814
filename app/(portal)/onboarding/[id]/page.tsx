import { notFound } from "next/navigation";
import { OnboardingWizard } from "@/components/registration/onboarding-wizard";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { correlationIdForAction, requirePageActor } from "@/lib/http/session";
import { getDraft, type DraftData } from "@/lib/registration/onboarding-drafts";

export const metadata = { title: "Provider onboarding" };

export default async function OnboardingDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const draft = await getDraft({ db: await getDb(), actor, correlationId: await correlationIdForAction() }, id).catch(
    (e) => {
      if (e instanceof AppError && e.code === "not_found") notFound();
      throw e;
    },
  );
  return (
    <>
      <PageHeader
        title="Provider onboarding"
        breadcrumbs={[
          { href: "/onboarding", label: "Provider onboarding" },
          { href: `/onboarding/${draft.id}`, label: (draft.data as DraftData).id || "New provider" },
        ]}
      />
      <Card>
        <OnboardingWizard
          draftId={draft.id}
          initialStep={draft.step}
          initialValues={draft.data as DraftData}
          registrationId={draft.registrationId}
        />
      </Card>
    </>
  );
}
