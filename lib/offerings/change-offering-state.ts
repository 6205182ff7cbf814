import { count, eq, sql } from "drizzle-orm";
import { offeringPlans, offerings, type OfferingRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/notifications/emit-event";
import type { EventKind } from "@/lib/notifications/event-kinds";
import { requireOfferingAccess } from "./access";
import { canTransition, TRANSITIONS, type OfferingAction } from "./lifecycle";
import { lockOffering } from "./load-for-write";

/** The event each action raises when it changes the state (a return to Draft tells no one). */
const EVENT_OF: Partial<Record<OfferingAction, EventKind>> = {
  activate: "offering.activated",
  unpause: "offering.activated",
  pause: "offering.paused",
  archive: "offering.archived",
};

/** activate / pause / unpause / archive / draft with Waldur's transitions; refused ones leave the offering as it was. */
export async function changeOfferingState(
  ctx: ServiceContext,
  offeringId: string,
  action: OfferingAction,
  opts: { pausedReason?: string } = {},
): Promise<OfferingRow> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockOffering(tx, offeringId);
    await requireOfferingAccess(tx, ctx.actor, current, "manage");
    if (!canTransition(current.state, action))
      throw new AppError(
        "bad_request",
        `Offering state is invalid: cannot ${action} an offering that is ${current.state}.`,
      );
    if (action === "activate") {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(offeringPlans)
        .where(eq(offeringPlans.offeringId, offeringId));
      if (n === 0)
        throw new AppError("bad_request", "Offering without plans could not be activated. Add at least one plan.");
    }
    const to = TRANSITIONS[action].to;
    const pausedReason =
      action === "pause" ? (opts.pausedReason ?? "").trim() : to === "Active" ? "" : current.pausedReason;
    const [row] = await tx
      .update(offerings)
      .set({ state: to, pausedReason, updatedAt: sql`now()` })
      .where(eq(offerings.id, offeringId))
      .returning();
    await recordAudit(tx, ctx, {
      action: `offering.${action}`,
      entityType: "offering",
      entityId: offeringId,
      summary: { from: current.state, to, ...(action === "pause" ? { pausedReason } : {}) },
    });
    const kind = EVENT_OF[action];
    if (kind && current.state !== to)
      await emitEvent(tx, ctx, {
        kind,
        subject: { type: "offering", id: offeringId },
        organisationId: row.organisationId,
        title: `Offering ${row.name} is ${to === "Active" ? "active" : to.toLowerCase()}`,
        body:
          to === "Active"
            ? "It is in the marketplace: customers can see it and order it."
            : to === "Paused"
              ? `New orders are not accepted while it is paused.${pausedReason ? ` Reason: ${pausedReason}` : ""}`
              : "It is no longer in the marketplace and cannot be ordered.",
        link: `/offerings/${offeringId}`,
        data: { offeringId, name: row.name, from: current.state, to, ...(to === "Paused" ? { pausedReason } : {}) },
        audience: { offeringId },
      });
    return row;
  });
}
