import { eq } from "drizzle-orm";
import { marketplaceOrders, type MarketplaceOrderRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { parseWith } from "@/lib/errors/zod-errors";
import { offeringAccess } from "@/lib/offerings/access";
import { forbidden, notFound } from "@/lib/errors/app-error";
import { projectAccess } from "./access";
import { getOfferingRow, getProjectRow, lockOrder } from "./load";
import { orderBackendIdInput } from "./schemas";

/** The offering's managers note the site's own id for an order (the agent's asynchronous orders). */
export async function setOrderBackendId(
  ctx: ServiceContext,
  orderId: string,
  input: unknown,
): Promise<MarketplaceOrderRow> {
  const actor = requireUser(ctx.actor);
  const { backend_id } = parseWith(orderBackendIdInput, input);
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const provider = await offeringAccess(tx, actor, await getOfferingRow(tx, order.offeringId));
    if (!provider.manage) {
      const consumer = await projectAccess(tx, actor, await getProjectRow(tx, order.projectId));
      throw consumer.read ? forbidden() : notFound("Order");
    }
    const [row] = await tx
      .update(marketplaceOrders)
      .set({ backendId: backend_id, modifiedAt: new Date() })
      .where(eq(marketplaceOrders.id, orderId))
      .returning();
    await recordAudit(tx, ctx, {
      action: "order.set_backend_id",
      entityType: "order",
      entityId: orderId,
      summary: { from: order.backendId, to: backend_id },
    });
    return row;
  });
}
