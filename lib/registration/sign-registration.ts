import { and, eq } from "drizzle-orm";
import { registrationRequests, type RegistrationRequestRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { emitEvent } from "@/lib/notifications/emit-event";
import { AppError } from "@/lib/errors/app-error";
import { findRegistrationByToken } from "./queries";
import { requireOpen, unknownToken } from "./registration-guards";

/**
 * `requestApproval` type "sign": the provider's sysadmin, logged in, vouches for the request and becomes
 * the provider's owner on approval. Signing again by the same person is a no-op; by another, a conflict.
 */
export async function signRegistration(ctx: ServiceContext, token: string): Promise<RegistrationRequestRow> {
  const actor = requireUser(ctx.actor);
  if (actor.via === "access-token")
    throw new AppError("forbidden", "A provider cannot sign a registration; a person must.");
  return ctx.db.transaction(async (tx) => {
    const found = await findRegistrationByToken(tx, token);
    if (!found) throw unknownToken();
    const [row] = await tx
      .select()
      .from(registrationRequests)
      .where(eq(registrationRequests.id, found.id))
      .for("update");
    requireOpen(row);
    if (row.status === "signed") {
      if (row.signedBy === actor.id) return row;
      throw new AppError("conflict", "This registration request has already been signed by someone else.", undefined, {
        type: "ALREADY_SIGNED",
      });
    }
    const [signed] = await tx
      .update(registrationRequests)
      .set({ status: "signed", signedBy: actor.id, signedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(registrationRequests.id, row.id), eq(registrationRequests.status, "pending")))
      .returning();
    await recordAudit(tx, ctx, {
      action: "registration.sign",
      entityType: "registration",
      entityId: row.id,
      summary: { specId: row.specId, domain: row.domain },
    });
    await emitEvent(tx, ctx, {
      kind: "registration.signed",
      subject: { type: "registration", id: row.id },
      title: `Registration signed, awaiting approval: ${row.name || row.specId}`,
      body: `${actor.name || actor.username} vouched for the provider ${row.specId} (${row.domain}). It waits in the approval queue.`,
      link: "/approvals",
      data: { registrationId: row.id, specId: row.specId, domain: row.domain },
      audience: { admins: true },
    });
    return signed;
  });
}
