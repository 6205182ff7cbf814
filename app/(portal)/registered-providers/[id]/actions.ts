"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { rotateRefreshToken } from "@/lib/registration/refresh-credentials";
import { retryWelcomeNow } from "@/lib/registration/retry-welcome";

export async function rotateRefreshTokenAction(_prev: ActionResult<{ refreshToken: string }>, form: FormData): Promise<ActionResult<{ refreshToken: string }>> {
  const id = String(form.get("id") ?? "");
  const result = await runAction(async (ctx) => ({ refreshToken: (await rotateRefreshToken(ctx, id)).refreshToken }));
  revalidatePath(`/registered-providers/${id}`);
  return result;
}

export async function retryWelcomeAction(_prev: ActionResult<{ outcome: string }>, form: FormData): Promise<ActionResult<{ outcome: string }>> {
  const result = await runAction(async (ctx) => ({ outcome: await retryWelcomeNow(ctx, String(form.get("outboxId") ?? "")) }));
  revalidatePath(`/registered-providers/${String(form.get("id") ?? "")}`);
  return result;
}
