"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" && v !== "" ? v : undefined;
};

export async function createUserAction(
  _prev: ActionResult<{ username: string }>,
  form: FormData,
): Promise<ActionResult<{ username: string }>> {
  const result = await runAction(async (ctx) => {
    const user = await createUser(ctx, {
      email: text(form, "email") ?? "",
      username: text(form, "username") ?? "",
      name: text(form, "name"),
      kind: text(form, "kind") as "human" | "service" | undefined,
      role: text(form, "role") as "admin" | "support" | "member" | undefined,
      password: text(form, "password"),
    });
    return { username: user.username };
  });
  if (result.ok) revalidatePath("/users");
  return result;
}

export async function updateUserAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const active = text(form, "isActive");
  const result = await runAction(async (ctx) => {
    await updateUser(ctx, text(form, "id") ?? "", {
      role: text(form, "role") as "admin" | "support" | "member" | undefined,
      isActive: active === undefined ? undefined : active === "true",
    });
  });
  if (result.ok) revalidatePath("/users");
  return result;
}
