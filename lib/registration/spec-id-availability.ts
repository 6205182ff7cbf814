import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { providers, registrationRequests } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Serialises everything about one spec id for the rest of the transaction, then refuses an id that a
 * provider or another open (pending or signed, unexpired) request already holds.
 */
export async function claimSpecId(tx: Executor, specId: string, exceptRegistrationId?: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"provider-spec-id:" + specId}))`);
  if (await specIdTaken(tx, specId, exceptRegistrationId)) {
    throw new AppError(
      "conflict",
      `The provider id '${specId}' is already taken.`,
      { "specification.id": [`The provider id '${specId}' is already taken.`] },
      { type: "ALREADY_EXISTS" },
    );
  }
}

/** Whether a provider or an open request holds the id (a hint for forms; `claimSpecId` is the rule). */
export async function specIdTaken(tx: Executor, specId: string, exceptRegistrationId?: string): Promise<boolean> {
  const [taken] = await tx.select({ pk: providers.pk }).from(providers).where(eq(providers.id, specId));
  const [open] = await tx
    .select({ id: registrationRequests.id })
    .from(registrationRequests)
    .where(
      and(
        eq(registrationRequests.specId, specId),
        inArray(registrationRequests.status, ["pending", "signed"]),
        gt(registrationRequests.expiresAt, new Date()),
        exceptRegistrationId ? ne(registrationRequests.id, exceptRegistrationId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(taken || open);
}
