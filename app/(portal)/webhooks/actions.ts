"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { eventKinds } from "@/lib/notifications/event-kinds";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { updateWebhookSettings } from "@/lib/webhooks/settings";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

const str = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createWebhookAction(
  _prev: ActionResult<{ secret: string; url: string }>,
  form: FormData,
): Promise<ActionResult<{ secret: string; url: string }>> {
  const kinds = form.getAll("kinds").map(String);
  const result = await runAction(async (ctx) => {
    const hook = await createWebhook(ctx, str(form, "organisationId"), {
      url: str(form, "url"),
      description: str(form, "description"),
      kinds: kinds.length === eventKinds.length ? [] : (kinds as never),
    });
    return { secret: hook.secret, url: hook.url };
  });
  revalidatePath("/webhooks");
  return result;
}

export async function setWebhookActiveAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const active = str(form, "active") === "true";
  const result = await runAction(
    async (ctx) => void (await updateWebhook(ctx, str(form, "organisationId"), str(form, "id"), { active })),
  );
  revalidatePath("/webhooks");
  return result;
}

export async function deleteWebhookAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(
    async (ctx) => void (await deleteWebhook(ctx, str(form, "organisationId"), str(form, "id"))),
  );
  revalidatePath("/webhooks");
  return result;
}

export async function redeliverWebhookAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(
    async (ctx) =>
      void (await redeliverWebhook(ctx, str(form, "organisationId"), str(form, "webhookId"), str(form, "id"))),
  );
  revalidatePath(`/webhooks/${str(form, "webhookId")}`);
  return result;
}

export async function updateWebhookSettingsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const allow = form.get("allowPrivateTargets") === "on";
  const result = await runAction(
    async (ctx) => void (await updateWebhookSettings(ctx, { allowPrivateTargets: allow })),
  );
  revalidatePath("/webhooks");
  return result;
}
