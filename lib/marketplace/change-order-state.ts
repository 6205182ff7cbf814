import { eq, sql } from "drizzle-orm";
import {
  marketplaceOrders,
  marketplaceResources,
  type MarketplaceOrderRow,
  type ResourceState,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { emitEvent } from "@/lib/notifications/emit-event";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { offeringAccess } from "@/lib/offerings/access";
import { projectAccess } from "./access";
import { createResource } from "./create-resource";
import { canOrderTransition, ORDER_TRANSITIONS, type OrderAction } from "./lifecycle";
import { getOfferingRow, getProjectRow, lockOrder } from "./load";

export type OrderStateOptions = { comment?: string | null; errorMessage?: string; errorTraceback?: string };

/** What the order's resource becomes when the order reaches `done` or `erred` (Waldur's sync_order_state). */
function resourceStateAfter(order: MarketplaceOrderRow, action: OrderAction): ResourceState | null {
  if (action === "set_state_erred") return "Erred";
  if (action === "set_state_done") return order.type === "Terminate" ? "Terminated" : "OK";
  if (order.type === "Terminate" && (action === "approve_by_provider" || action === "set_state_executing"))
    return "Terminating";
  if (order.type === "Terminate" && (action === "reject_by_provider" || action === "cancel")) return "OK";
  return null;
}

/**
 * approve_by_provider / reject_by_provider / set_state_executing / set_state_done / set_state_erred (the offering's
 * managers, as the site agent calls them) and cancel (the project's consumers), with Waldur's transitions. Approving
 * a Create order creates its resource — an accounting installation. Refused changes leave everything as it was.
 */
export async function changeOrderState(
  ctx: ServiceContext,
  orderId: string,
  action: OrderAction,
  opts: OrderStateOptions = {},
): Promise<MarketplaceOrderRow> {
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const offering = await getOfferingRow(tx, order.offeringId);
    const provider = await offeringAccess(tx, actor, offering);
    const consumer = await projectAccess(tx, actor, await getProjectRow(tx, order.projectId));
    const allowed = action === "cancel" ? consumer.order : provider.manage;
    if (!allowed) throw consumer.read || provider.manage ? forbidden() : notFound("Order");
    if (!canOrderTransition(order.state, action)) {
      const from = ORDER_TRANSITIONS[action].from;
      throw new AppError("conflict", `Valid states for operation: ${from === "*" ? "any" : from.join(", ")}.`);
    }
    const now = new Date();
    const patch: Partial<MarketplaceOrderRow> = { state: ORDER_TRANSITIONS[action].to, modifiedAt: now };
    if (action === "approve_by_provider" || action === "reject_by_provider") {
      patch.providerReviewedBy = actor.id;
      patch.providerReviewedAt = now;
    }
    if (action === "reject_by_provider" || action === "cancel") patch.terminationComment = opts.comment?.trim() || null;
    if (action === "set_state_done") patch.completedAt = now;
    if (action === "set_state_erred") {
      patch.errorMessage = opts.errorMessage ?? "";
      patch.errorTraceback = opts.errorTraceback ?? "";
    }
    const [resource] = await tx
      .select({ id: marketplaceResources.id })
      .from(marketplaceResources)
      .where(eq(marketplaceResources.id, order.resourceId));
    const creates =
      !resource &&
      (order.type === "Create" || order.type === "Restore") &&
      (action === "approve_by_provider" || action === "set_state_executing");
    if (creates) await createResource(tx, { ...ctx, actor }, order, offering);
    const resourceState = resourceStateAfter(order, action);
    if (resourceState && (resource || creates))
      await tx
        .update(marketplaceResources)
        .set({ state: resourceState, modifiedAt: sql`now()` })
        .where(eq(marketplaceResources.id, order.resourceId));
    const [row] = await tx.update(marketplaceOrders).set(patch).where(eq(marketplaceOrders.id, orderId)).returning();
    await recordAudit(tx, ctx, {
      action: `order.${action}`,
      entityType: "order",
      entityId: orderId,
      summary: {
        from: order.state,
        to: row.state,
        ...(patch.terminationComment ? { comment: patch.terminationComment } : {}),
        ...(action === "set_state_erred" ? { errorMessage: row.errorMessage.slice(0, 500) } : {}),
        ...(resourceState ? { resource: order.resourceId, resourceState } : {}),
      },
    });
    if (action === "approve_by_provider" || action === "reject_by_provider") {
      const project = await getProjectRow(tx, order.projectId);
      const approved = action === "approve_by_provider";
      await emitEvent(tx, ctx, {
        kind: approved ? "order.approved" : "order.rejected",
        subject: { type: "order", id: orderId },
        organisationId: project.organisationId,
        title: `Order ${approved ? "approved" : "rejected"}: ${row.resourceName} (${offering.name})`,
        body: approved
          ? "The provider accepted the order and is setting the resource up."
          : `The provider rejected the order.${row.terminationComment ? ` Reason: ${row.terminationComment}` : ""}`,
        link: `/offerings/${offering.id}`,
        data: { orderId, offeringId: offering.id, projectId: project.id, state: row.state },
        audience: { users: [order.createdBy], organisationId: project.organisationId },
      });
    }
    return row;
  });
}
