"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { addOfferingUser, removeOfferingUser } from "@/lib/offerings/add-offering-user";
import { changeOfferingState } from "@/lib/offerings/change-offering-state";
import { createOffering } from "@/lib/offerings/create-offering";
import type { OfferingAction } from "@/lib/offerings/lifecycle";
import { deleteOfferingDraft, saveOfferingDraft } from "@/lib/offerings/offering-drafts";
import { updateOfferingIntegration } from "@/lib/offerings/update-offering-integration";
import { wizardErrorPath, wizardToCreateInput, type WizardData } from "@/lib/offerings/wizard";
import { refreshUserToken, getUserToken } from "@/lib/service-accounts/user-token";

type TokenView = { token: string; created: string; expiresAt: string | null };

export async function saveDraftAction(
  id: string | null,
  step: number,
  data: WizardData,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async (ctx) => ({ id: (await saveOfferingDraft(ctx, { id, step, data })).id }));
}

export async function deleteDraftAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction((ctx) => deleteOfferingDraft(ctx, String(form.get("id"))));
  revalidatePath("/offerings");
  return result;
}

/** Creates the offering as a Draft from the wizard; the draft it came from is removed. Secrets go straight to the offering. */
export async function createOfferingAction(
  draftId: string | null,
  data: WizardData,
  secrets: Record<string, string>,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (ctx) => {
    const row = await createOffering(ctx, wizardToCreateInput(data, secrets));
    if (draftId) await deleteOfferingDraft(ctx, draftId).catch(() => undefined);
    return { id: row.id };
  });
  if (result.fieldErrors)
    result.fieldErrors = Object.fromEntries(
      Object.entries(result.fieldErrors).map(([k, v]) => [wizardErrorPath(k), v]),
    );
  // No revalidatePath here: it would re-render the wizard's page, whose draft was just removed.
  return result;
}

export async function offeringStateAction(
  id: string,
  action: OfferingAction,
  pausedReason?: string,
): Promise<ActionResult> {
  // Pages showing offerings render per request; the caller refreshes its own view.
  return runAction(async (ctx) => void (await changeOfferingState(ctx, id, action, { pausedReason })));
}

export async function addOfferingUserAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const id = String(form.get("offering"));
  const result = await runAction(
    async (ctx) =>
      void (await addOfferingUser(ctx, id, { role: "OFFERING.MANAGER", user: String(form.get("user") ?? "") })),
  );
  revalidatePath(`/offerings/${id}`);
  return result;
}

export async function removeOfferingUserAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const id = String(form.get("offering"));
  const result = await runAction((ctx) =>
    removeOfferingUser(ctx, id, { role: "OFFERING.MANAGER", user: String(form.get("user")) }),
  );
  revalidatePath(`/offerings/${id}`);
  return result;
}

const tokenView = (t: Awaited<ReturnType<typeof getUserToken>>): TokenView => ({
  token: t.token,
  created: t.row.createdAt.toISOString(),
  expiresAt: t.row.expiresAt?.toISOString() ?? null,
});

export async function revealTokenAction(userId: string): Promise<ActionResult<TokenView>> {
  return runAction(async (ctx) => tokenView(await getUserToken(ctx, userId)));
}

export async function refreshTokenAction(userId: string): Promise<ActionResult<TokenView>> {
  return runAction(async (ctx) => tokenView(await refreshUserToken(ctx, userId)));
}

/** Plugin options replace; secret fields left empty keep what is stored (secrets are never sent back to the form). */
export async function updateIntegrationAction(
  id: string,
  plugin: Record<string, unknown>,
  secrets: Record<string, string>,
): Promise<ActionResult> {
  const secretChange = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v.trim() !== ""));
  const result = await runAction(
    async (ctx) =>
      void (await updateOfferingIntegration(ctx, id, {
        plugin_options: plugin,
        ...(Object.keys(secretChange).length ? { secret_options: secretChange } : {}),
      })),
  );
  revalidatePath(`/offerings/${id}`);
  return result;
}
