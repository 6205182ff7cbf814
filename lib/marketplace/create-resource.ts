import { eq } from "drizzle-orm";
import {
  installations,
  marketplaceResources,
  projectProviders,
  providers,
  type MarketplaceOrderRow,
  type MarketplaceResourceRow,
  type OfferingRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ActorContext } from "@/lib/auth/actor";
import { newObjectId } from "@/lib/accounting/ids";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hexUuid } from "@/lib/offerings/refs";
import { ensureComponentMetrics } from "./component-metrics";

/**
 * The resource an approved Create order makes. It IS an accounting installation of the offering's provider in the
 * order's project (the provider is associated with the project if it was not): the resource row only links that
 * installation to the offering, plan, state and backend id. Its `external_id` is the resource's uuid, so ARGO's
 * report by external id finds it too.
 */
export async function createResource(
  tx: Tx,
  ctx: ActorContext,
  order: MarketplaceOrderRow,
  offering: OfferingRow,
): Promise<MarketplaceResourceRow> {
  const [provider] = offering.providerPk
    ? await tx.select({ id: providers.id }).from(providers).where(eq(providers.pk, offering.providerPk))
    : [];
  if (!provider)
    throw new AppError("conflict", "The offering is no longer linked to a provider; its resource cannot be created.");
  const metrics = await ensureComponentMetrics(tx, offering, ctx.actor.id);
  if (!metrics.length) throw new AppError("conflict", "The offering has no components to account for.");
  await tx
    .insert(projectProviders)
    .values({ projectId: order.projectId, providerId: provider.id })
    .onConflictDoNothing();
  const [installation] = await tx
    .insert(installations)
    .values({
      id: newObjectId(),
      projectId: order.projectId,
      providerId: provider.id,
      infrastructure: offering.name,
      installation: order.resourceName,
      resource: offering.type,
      externalId: hexUuid(order.resourceId),
      unitOfAccessPk: metrics[0].metricPk,
      creatorId: ctx.actor.id,
    })
    .returning();
  const [resource] = await tx
    .insert(marketplaceResources)
    .values({
      id: order.resourceId,
      installationPk: installation.pk,
      offeringId: offering.id,
      planId: order.planId,
      state: "Creating",
      limits: order.limits,
      attributes: order.attributes,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "resource.create",
    entityType: "resource",
    entityId: resource.id,
    summary: { order: order.id, installation: installation.id, project: order.projectId, provider: provider.id },
  });
  return resource;
}
