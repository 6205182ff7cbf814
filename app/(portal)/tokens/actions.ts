"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export async function createTokenAction(
  _prev: ActionResult<{ token: string; name: string }>,
  form: FormData,
): Promise<ActionResult<{ token: string; name: string }>> {
  const lifetime = String(form.get("expiresInDays") ?? "90");
  const result = await runAction(async (ctx) => {
    const { row, token } = await createApiToken(ctx, {
      name: String(form.get("name") ?? ""),
      expiresInDays: lifetime === "never" ? null : Number(lifetime),
    });
    return { token, name: row.name };
  });
  revalidatePath("/tokens");
  return result;
}

export async function revokeTokenAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async (ctx) => void (await revokeApiToken(ctx, String(form.get("id")))));
  revalidatePath("/tokens");
  return result;
}
