"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { approveRegistration } from "@/lib/registration/approve-registration";
import { kickWelcomeDelivery } from "@/lib/registration/kick-welcome";
import { rejectRegistration } from "@/lib/registration/reject-registration";

export async function approveRegistrationAction(
  _prev: ActionResult<{ providerId: string }>,
  form: FormData,
): Promise<ActionResult<{ providerId: string }>> {
  const result = await runAction(async (ctx) => {
    const { provider, outbox } = await approveRegistration(ctx, { id: String(form.get("id") ?? "") });
    kickWelcomeDelivery(await getDb(), outbox.id);
    return { providerId: provider.id };
  });
  revalidatePath("/approvals");
  return result;
}

export async function rejectRegistrationAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(
    async (ctx) =>
      void (await rejectRegistration(ctx, { id: String(form.get("id") ?? "") }, String(form.get("reason") ?? ""))),
  );
  revalidatePath("/approvals");
  return result;
}
