import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { marketplaceOrders, offeringComponents, offeringPlans, type MarketplaceOrderRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { emitEvent } from "@/lib/notifications/emit-event";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError, forbidden, type FieldErrors } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { offeringAccess } from "@/lib/offerings/access";
import { findOffering } from "@/lib/offerings/queries";
import { NO_SUCH_OBJECT, NO_URL_MATCH } from "@/lib/offerings/refs";
import { projectAccess } from "./access";
import { findProjectByUuid, referenceId } from "./load";
import { placeOrderInput } from "./schemas";

const OFFERING_COLLECTIONS = ["marketplace-public-offerings", "marketplace-provider-offerings"];
const PLAN_COLLECTIONS = ["marketplace-public-plans", "marketplace-plans"];

function fail(errors: FieldErrors): never {
  const [field] = Object.keys(errors);
  throw new AppError("validation", `Invalid ${field}: ${errors[field][0]}`, errors);
}

/**
 * A member of the project's customer orders an Active offering's plan for that project (Waldur's
 * `POST /api/marketplace-orders/`). Portico has no consumer-approval step: the order waits for the provider
 * (`pending-provider`), reviewed on the consumer side by whoever placed it.
 */
export async function placeOrder(ctx: ServiceContext, input: unknown): Promise<MarketplaceOrderRow> {
  const actor = requireUser(ctx.actor);
  const data = parseWith(placeOrderInput, input);
  return ctx.db.transaction(async (tx) => {
    const errors: FieldErrors = {};
    const offeringId = referenceId(data.offering, OFFERING_COLLECTIONS);
    const offering = offeringId ? await findOffering(tx, offeringId) : undefined;
    if (!offeringId) errors.offering = [NO_URL_MATCH];
    else if (!offering || !(await offeringAccess(tx, actor, offering)).read) errors.offering = [NO_SUCH_OBJECT];
    const projectUuid = referenceId(data.project, ["projects"]);
    const project = projectUuid ? await findProjectByUuid(tx, projectUuid) : undefined;
    const access = project ? await projectAccess(tx, actor, project) : { read: false, order: false };
    if (!projectUuid) errors.project = [NO_URL_MATCH];
    else if (!project || !access.read) errors.project = [NO_SUCH_OBJECT];
    if (Object.keys(errors).length) fail(errors);
    if (!access.order) throw forbidden("You do not have permission to order for this project.");

    if (data.type !== "Create")
      errors.type = ["Only Create orders are placed here; a resource's terminate/ action orders its termination."];
    if (offering!.state !== "Active")
      errors.offering = [`Offering is ${offering!.state}; only Active offerings can be ordered.`];
    else if (!offering!.providerPk)
      errors.offering = [
        "This offering is not linked to a provider, so its usage could not be accounted for; its customer must link it first.",
      ];
    const components = await tx
      .select({ type: offeringComponents.type })
      .from(offeringComponents)
      .where(eq(offeringComponents.offeringId, offering!.id));
    if (!components.length && !errors.offering) errors.offering = ["This offering has no components to account for."];
    const plans = await tx
      .select()
      .from(offeringPlans)
      .where(and(eq(offeringPlans.offeringId, offering!.id), eq(offeringPlans.archived, false)));
    let planId: string | null = null;
    if (data.plan) {
      const id = referenceId(data.plan, PLAN_COLLECTIONS);
      const plan = id ? plans.find((p) => p.id === id) : undefined;
      if (!id) errors.plan = [NO_URL_MATCH];
      else if (!plan) errors.plan = ["This plan is not an active plan of the offering."];
      else planId = plan.id;
    } else if (plans.length) errors.plan = ["This field is required."];
    const known = new Set(components.map((c) => c.type));
    const unknown = Object.keys(data.limits).filter((k) => !known.has(k));
    if (unknown.length) errors.limits = [`Unknown components: ${unknown.join(", ")}.`];
    const name = typeof data.attributes.name === "string" ? data.attributes.name.trim() : "";
    if (name.length > 150) errors["attributes.name"] = ["Ensure this field has no more than 150 characters."];
    if (Object.keys(errors).length) fail(errors);

    const resourceId = randomUUID();
    const now = new Date();
    const [row] = await tx
      .insert(marketplaceOrders)
      .values({
        offeringId: offering!.id,
        planId,
        projectId: project!.id,
        resourceId,
        resourceName: name || `${offering!.name} ${resourceId.slice(0, 8)}`.slice(0, 150),
        type: "Create",
        state: "pending-provider",
        attributes: data.attributes,
        limits: data.limits,
        requestComment: data.request_comment ?? null,
        callbackUrl: data.callback_url ?? null,
        createdBy: actor.id,
        consumerReviewedBy: actor.id,
        consumerReviewedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "order.place",
      entityType: "order",
      entityId: row.id,
      summary: {
        offering: offering!.id,
        plan: planId,
        project: project!.id,
        limits: data.limits,
        name: row.resourceName,
      },
    });
    await emitEvent(tx, ctx, {
      kind: "order.placed",
      subject: { type: "order", id: row.id },
      organisationId: offering!.organisationId,
      title: `New order for ${offering!.name}: ${row.resourceName}`,
      body: `An order for project ${project!.id} waits for the provider's approval.`,
      link: `/offerings/${offering!.id}`,
      data: { orderId: row.id, offeringId: offering!.id, projectId: project!.id, resourceName: row.resourceName },
      audience: { offeringId: offering!.id },
    });
    return row;
  });
}
