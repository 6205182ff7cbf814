import { and, eq } from "drizzle-orm";
import { offeringUserRoles, users, type OfferingUserRoleRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireOfferingAccess } from "./access";
import { lockOffering } from "./load-for-write";
import { toUuid } from "./refs";
import { offeringUserInput, type OfferingUserInput } from "./schemas";

/** Owners and staff grant a user (e.g. a service account) OFFERING.MANAGER on one offering. */
export async function addOfferingUser(
  ctx: ServiceContext,
  offeringId: string,
  input: OfferingUserInput,
): Promise<OfferingUserRoleRow> {
  const data = parseWith(offeringUserInput, input);
  return ctx.db.transaction(async (tx) => {
    const offering = await lockOffering(tx, offeringId);
    await requireOfferingAccess(tx, ctx.actor, offering, "owner");
    const userId = toUuid(data.user);
    const [user] = userId ? await tx.select().from(users).where(eq(users.id, userId)) : [];
    if (!user) throw new AppError("validation", "User not found.", { user: ["Object with this uuid does not exist."] });
    const expirationTime = data.expiration_time ? new Date(data.expiration_time) : null;
    if (expirationTime && expirationTime <= new Date())
      throw new AppError("validation", "Invalid expiration time.", {
        expiration_time: ["Expiration time should be in the future."],
      });
    const [existing] = await tx
      .select()
      .from(offeringUserRoles)
      .where(
        and(
          eq(offeringUserRoles.offeringId, offeringId),
          eq(offeringUserRoles.userId, user.id),
          eq(offeringUserRoles.role, data.role),
        ),
      );
    if (existing && (!existing.expirationTime || existing.expirationTime > new Date()))
      throw new AppError("bad_request", "User already has role within this scope.");
    if (existing) await tx.delete(offeringUserRoles).where(eq(offeringUserRoles.id, existing.id));
    const [row] = await tx
      .insert(offeringUserRoles)
      .values({ offeringId, userId: user.id, role: data.role, expirationTime, createdBy: ctx.actor?.id ?? null })
      .returning();
    await recordAudit(tx, ctx, {
      action: "offering.add_user",
      entityType: "offering",
      entityId: offeringId,
      summary: {
        user: user.username,
        userId: user.id,
        role: data.role,
        expirationTime: expirationTime?.toISOString() ?? null,
      },
    });
    return row;
  });
}

/** Owners and staff revoke a user's role on the offering. */
export async function removeOfferingUser(
  ctx: ServiceContext,
  offeringId: string,
  input: Omit<OfferingUserInput, "expiration_time">,
): Promise<void> {
  const data = parseWith(offeringUserInput, input);
  await ctx.db.transaction(async (tx) => {
    const offering = await lockOffering(tx, offeringId);
    await requireOfferingAccess(tx, ctx.actor, offering, "owner");
    const userId = toUuid(data.user);
    const deleted = userId
      ? await tx
          .delete(offeringUserRoles)
          .where(
            and(
              eq(offeringUserRoles.offeringId, offeringId),
              eq(offeringUserRoles.userId, userId),
              eq(offeringUserRoles.role, data.role),
            ),
          )
          .returning()
      : [];
    if (!deleted.length) throw new AppError("bad_request", "User does not have this role within this scope.");
    await recordAudit(tx, ctx, {
      action: "offering.delete_user",
      entityType: "offering",
      entityId: offeringId,
      summary: { userId, role: data.role },
    });
  });
}
