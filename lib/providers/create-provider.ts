import { providers, type ProviderRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { assertProviderNameFree } from "./provider-rules";
import { findProvider } from "./queries";
import { createProviderInput, type CreateProviderInput } from "./schemas";

export const providerConflict = (id: string) =>
  new AppError("conflict", `There is already a Provider with the following id: ${id}`, { id: ["This id is taken."] });

/** Anyone signed in (but read-only support) registers a provider; they become its creator and owner. */
export async function createProvider(
  ctx: ServiceContext,
  input: CreateProviderInput,
  source: "argo" | "portal" = "argo",
): Promise<ProviderRow> {
  const actor = requireUser(ctx.actor);
  if (actor.role === "support") throw new AppError("forbidden", "Support accounts are read-only.");
  const data = parseWith(createProviderInput, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      if (await findProvider(tx, data.id)) throw providerConflict(data.id);
      await assertProviderNameFree(tx, data.name);
      const [row] = await tx
        .insert(providers)
        .values({ ...data, creatorId: actor.id, source, ownerUserId: actor.providerId ? null : actor.id })
        .returning();
      await recordAudit(tx, ctx, {
        action: "provider.create",
        entityType: "provider",
        entityId: row.id,
        summary: { ...data, source },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw providerConflict(data.id);
    throw e;
  }
}
