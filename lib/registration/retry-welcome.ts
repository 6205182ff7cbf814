import { eq } from "drizzle-orm";
import { welcomeOutbox } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors/app-error";
import { deliverDueWelcomes, makeWelcomeDueNow } from "./welcome-outbox";

/** "Retry now" (admin): the message becomes due at once and this process tries it straight away. */
export async function retryWelcomeNow(ctx: ServiceContext, outboxId: string) {
  requireRole(ctx.actor, "admin");
  const row = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(welcomeOutbox).where(eq(welcomeOutbox.id, outboxId));
    if (!existing) throw notFound("Welcome message");
    if (existing.status === "delivered")
      throw new AppError("conflict", "This welcome message has already been delivered.");
    const due = await makeWelcomeDueNow(tx, outboxId);
    if (!due) throw new AppError("conflict", "This welcome message cannot be retried now.");
    await recordAudit(tx, ctx, {
      action: "welcome.retry",
      entityType: "provider",
      entityId: existing.providerPk,
      summary: { outboxId, attemptsSoFar: existing.attempts },
    });
    return due;
  });
  const [result] = await deliverDueWelcomes(ctx.db, { onlyId: row.id, limit: 1 });
  return result?.outcome ?? "in-progress";
}
