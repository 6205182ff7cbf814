"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { changeOrderState } from "@/lib/marketplace/change-order-state";
import { placeOrder } from "@/lib/marketplace/place-order";
import { toUuid } from "@/lib/offerings/refs";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The catalogue's order form: a plan of the offering for one of the person's projects, with its limits. */
export async function placeOrderAction(_prev: ActionResult<{ id: string }>, form: FormData) {
  const limits: Record<string, number> = {};
  for (const [k, v] of form.entries())
    if (k.startsWith("limit.") && String(v).trim() !== "") limits[k.slice(6)] = Number(v);
  const result = await runAction(async (ctx) => {
    const row = await placeOrder(ctx, {
      offering: text(form, "offering"),
      plan: text(form, "plan") || undefined,
      project: text(form, "project"),
      limits,
      attributes: { name: text(form, "name") },
      request_comment: text(form, "comment") || null,
    });
    return { id: row.id };
  });
  revalidatePath("/orders");
  return result;
}

/** The Orders page: the offering's managers approve a pending order, or reject it with a reason. */
export async function decideOrderAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const id = toUuid(text(form, "id")) ?? "00000000-0000-0000-0000-000000000000";
  const decision = text(form, "decision");
  const result = await runAction(async (ctx) => {
    if (decision === "approve") await changeOrderState(ctx, id, "approve_by_provider");
    else await changeOrderState(ctx, id, "reject_by_provider", { comment: text(form, "reason") });
  });
  revalidatePath("/orders");
  return result;
}
