"use server";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { signRegistration } from "@/lib/registration/sign-registration";

export async function signRegistrationAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async (ctx) => void (await signRegistration(ctx, String(form.get("token") ?? ""))));
}
