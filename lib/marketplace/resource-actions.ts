import { and, eq, inArray, sql } from "drizzle-orm";
import {
  installations,
  marketplaceOrders,
  marketplaceResources,
  offeringComponents,
  type MarketplaceResourceRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { offeringAccess } from "@/lib/offerings/access";
import { projectAccess } from "./access";
import { getOfferingRow, getProjectRow } from "./load";
import { resourceBackendIdInput, resourceLimitsInput, terminateResourceInput } from "./schemas";

// What the offering's managers (the site agent) and the project's consumers do to a resource, as Waldur's
// `/api/marketplace-provider-resources/{uuid}/…` actions. Each locks the resource row and is audited.

type Need = "manage" | "terminate";

/** The resource row locked for the rest of the transaction, and whether the actor may do `need` (404 when hidden). */
async function lockResource(ctx: ServiceContext, tx: Tx, id: string, need: Need) {
  const actor = requireUser(ctx.actor);
  const [resource] = await tx.select().from(marketplaceResources).where(eq(marketplaceResources.id, id)).for("update");
  if (!resource) throw notFound("Resource");
  const [installation] = await tx.select().from(installations).where(eq(installations.pk, resource.installationPk));
  const provider = await offeringAccess(tx, actor, await getOfferingRow(tx, resource.offeringId));
  const consumer = await projectAccess(tx, actor, await getProjectRow(tx, installation.projectId));
  const visible = provider.manage || consumer.read;
  if (!visible) throw notFound("Resource");
  const allowed = need === "manage" ? provider.manage : provider.manage || consumer.order;
  if (!allowed) throw forbidden();
  return { actor, resource, installation, managesOffering: provider.manage };
}

export async function setResourceBackendId(ctx: ServiceContext, id: string, input: unknown): Promise<void> {
  const data = parseWith(resourceBackendIdInput, input);
  await ctx.db.transaction(async (tx) => {
    const { resource } = await lockResource(ctx, tx, id, "manage");
    await tx
      .update(marketplaceResources)
      .set({ backendId: data.backend_id, modifiedAt: sql`now()` })
      .where(eq(marketplaceResources.id, id));
    await recordAudit(tx, ctx, {
      action: "resource.set_backend_id",
      entityType: "resource",
      entityId: id,
      summary: { from: resource.backendId, to: data.backend_id },
    });
  });
}

/** The site's limits, each an offering component's (set straight, without an Update order, as Waldur's set_limits). */
export async function setResourceLimits(ctx: ServiceContext, id: string, input: unknown): Promise<void> {
  const data = parseWith(resourceLimitsInput, input);
  await ctx.db.transaction(async (tx) => {
    const { resource } = await lockResource(ctx, tx, id, "manage");
    const components = await tx
      .select({ type: offeringComponents.type })
      .from(offeringComponents)
      .where(eq(offeringComponents.offeringId, resource.offeringId));
    const known = new Set(components.map((c) => c.type));
    const unknown = Object.keys(data.limits).filter((k) => !known.has(k));
    if (unknown.length)
      throw new AppError("validation", "Invalid limits.", { limits: [`Unknown components: ${unknown.join(", ")}.`] });
    await tx
      .update(marketplaceResources)
      .set({ limits: data.limits, modifiedAt: sql`now()` })
      .where(eq(marketplaceResources.id, id));
    await recordAudit(tx, ctx, {
      action: "resource.set_limits",
      entityType: "resource",
      entityId: id,
      summary: { from: resource.limits, to: data.limits },
    });
  });
}

const TERMINABLE: MarketplaceResourceRow["state"][] = ["OK", "Erred"];

/**
 * Waldur's terminate/: a Terminate order for the resource. Placed by the offering's managers it is approved at once
 * (executing, the resource Terminating) for the site agent to carry out; placed by a consumer it waits for the
 * provider (pending-provider). Refused while the resource is not OK or Erred, or has an order in progress.
 */
export async function terminateResource(ctx: ServiceContext, id: string, input: unknown): Promise<string> {
  const data = parseWith(terminateResourceInput, input);
  return ctx.db.transaction(async (tx) => {
    const { actor, resource, installation, managesOffering } = await lockResource(ctx, tx, id, "terminate");
    if (!TERMINABLE.includes(resource.state))
      throw new AppError("conflict", `Valid states for operation: ${TERMINABLE.join(", ")}.`);
    const [busy] = await tx
      .select({ id: marketplaceOrders.id })
      .from(marketplaceOrders)
      .where(
        and(
          eq(marketplaceOrders.resourceId, id),
          inArray(marketplaceOrders.state, [
            "pending-consumer",
            "pending-provider",
            "pending-project",
            "pending-start-date",
            "executing",
          ]),
        ),
      );
    if (busy) throw new AppError("conflict", "The resource has an order in progress.");
    const now = new Date();
    const [order] = await tx
      .insert(marketplaceOrders)
      .values({
        offeringId: resource.offeringId,
        planId: resource.planId,
        projectId: installation.projectId,
        resourceId: id,
        resourceName: installation.installation,
        type: "Terminate",
        state: managesOffering ? "executing" : "pending-provider",
        attributes: data.attributes ?? {},
        limits: {},
        createdBy: actor.id,
        consumerReviewedBy: actor.id,
        consumerReviewedAt: now,
        ...(managesOffering ? { providerReviewedBy: actor.id, providerReviewedAt: now } : {}),
      })
      .returning();
    if (managesOffering)
      await tx
        .update(marketplaceResources)
        .set({ state: "Terminating", modifiedAt: sql`now()` })
        .where(eq(marketplaceResources.id, id));
    await recordAudit(tx, ctx, {
      action: "resource.terminate",
      entityType: "resource",
      entityId: id,
      summary: { order: order.id, state: order.state },
    });
    return order.id;
  });
}
