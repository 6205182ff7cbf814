"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import {
  createDraft,
  deleteDraft,
  revealCredentialsOnce,
  saveDraftStep,
  submitDraft,
  type DraftData,
} from "@/lib/registration/onboarding-drafts";

export type WizardState = ActionResult<{ step: number; values: DraftData; registrationId?: string }>;

function draftInput(form: FormData): DraftData {
  const out: DraftData = {};
  for (const f of ["id", "name", "website", "abbreviation", "logo", "domain"] as const) {
    const v = form.get(f);
    if (typeof v === "string") out[f] = v.trim();
  }
  if (form.has("https-present")) out.https = form.get("https") === "on";
  if (form.has("port")) {
    const p = String(form.get("port")).trim();
    out.port = p === "" ? null : /^\d+$/.test(p) ? Number(p) : p;
  }
  return out;
}

export async function startOnboardingAction(): Promise<void> {
  const result = await runAction((ctx) => createDraft(ctx));
  if (result.ok && result.data) redirect(`/onboarding/${result.data.id}`);
  redirect("/onboarding?error=1");
}

/** One action for the wizard: `intent=submit` submits the draft, anything else saves a step. */
export async function wizardAction(prev: WizardState, form: FormData): Promise<WizardState> {
  return form.get("intent") === "submit" ? submitWizard(prev, form) : saveWizardStep(prev, form);
}

async function saveWizardStep(prev: WizardState, form: FormData): Promise<WizardState> {
  const id = String(form.get("draftId") ?? "");
  const step = Number(form.get("step") ?? 0);
  const nextStep = Number(form.get("nextStep") ?? step);
  const input = draftInput(form);
  const result = await runAction((ctx) => saveDraftStep(ctx, id, step, input, nextStep));
  if (result.ok && result.data)
    return {
      ok: true,
      data: { step: result.data.step, values: result.data.data as DraftData },
      correlationId: result.correlationId,
    };
  return { ...result, data: { step, values: { ...(prev.data?.values ?? {}), ...input } } };
}

async function submitWizard(prev: WizardState, form: FormData): Promise<WizardState> {
  const id = String(form.get("draftId") ?? "");
  const result = await runAction((ctx) => submitDraft(ctx, id));
  revalidatePath("/onboarding");
  if (result.ok && result.data)
    return { ok: true, data: { step: 3, values: prev.data?.values ?? {}, registrationId: result.data } };
  // a field error sends the person back to the step that holds the field
  const step =
    result.fieldErrors && Object.keys(result.fieldErrors).some((f) => ["domain", "https", "port"].includes(f))
      ? 1
      : result.fieldErrors
        ? 0
        : 2;
  return { ...result, data: { step, values: prev.data?.values ?? {} } };
}

export async function deleteDraftAction(form: FormData): Promise<void> {
  await runAction((ctx) => deleteDraft(ctx, String(form.get("draftId") ?? "")));
  revalidatePath("/onboarding");
}

export async function revealCredentialsAction(
  _prev: ActionResult<{ refreshToken: string; publicKey: string } | null>,
  form: FormData,
) {
  return runAction((ctx) => revealCredentialsOnce(ctx, String(form.get("registrationId") ?? "")));
}
