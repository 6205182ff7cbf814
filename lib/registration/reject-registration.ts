import { eq } from "drizzle-orm";
import { registrationRequests, type RegistrationRequestRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { emitEvent } from "@/lib/notifications/emit-event";
import { AppError } from "@/lib/errors/app-error";
import { findRegistrationByToken } from "./queries";
import { isUuid, requireOpen, unknownToken } from "./registration-guards";

/** An admin turns a request down with a reason the provider sees; the spec id becomes free again. */
export async function rejectRegistration(
  ctx: ServiceContext,
  ref: { token: string } | { id: string },
  reason: string,
): Promise<RegistrationRequestRow> {
  requireRole(ctx.actor, "admin");
  const why = reason.trim();
  if (!why)
    throw new AppError("validation", "Give a reason the provider will see.", {
      reason: ["Give a reason the provider will see."],
    });
  return ctx.db.transaction(async (tx) => {
    const found =
      "token" in ref
        ? await findRegistrationByToken(tx, ref.token)
        : isUuid(ref.id)
          ? (await tx.select().from(registrationRequests).where(eq(registrationRequests.id, ref.id)))[0]
          : undefined;
    if (!found) throw unknownToken();
    const [row] = await tx
      .select()
      .from(registrationRequests)
      .where(eq(registrationRequests.id, found.id))
      .for("update");
    requireOpen(row);
    const [rejected] = await tx
      .update(registrationRequests)
      .set({
        status: "rejected",
        decidedBy: ctx.actor!.id,
        decidedAt: new Date(),
        rejectionReason: why.slice(0, 1000),
        updatedAt: new Date(),
      })
      .where(eq(registrationRequests.id, row.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "registration.reject",
      entityType: "registration",
      entityId: row.id,
      summary: { specId: row.specId, reason: why.slice(0, 1000) },
    });
    await emitEvent(tx, ctx, {
      kind: "registration.rejected",
      subject: { type: "registration", id: row.id },
      title: `Provider registration rejected: ${row.name || row.specId}`,
      body: `The request to register ${row.specId} (${row.domain}) was rejected: ${why.slice(0, 1000)}`,
      link: "/",
      data: { registrationId: row.id, specId: row.specId, domain: row.domain, reason: why.slice(0, 1000) },
      audience: { users: [row.signedBy, row.requestedBy] },
    });
    return rejected;
  });
}
