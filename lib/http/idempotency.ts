import { and, eq, sql } from "drizzle-orm";
import { idempotencyKeys } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";

type Stored = { status: number; body: string; headers: Record<string, string> };

/**
 * Claims an Idempotency-Key for (actor, method, path). Returns the stored first response for a repeat,
 * throws 409 for the same key with another body or while the first request is still running,
 * and returns null when this request owns the key and should run.
 */
export async function claimIdempotencyKey(db: Db, scope: string, key: string, requestBody: string): Promise<Stored | null> {
  if (key.length > 255) throw new AppError("bad_request", "Idempotency-Key must be at most 255 characters.");
  const requestHash = sha256Hex(requestBody);
  const inserted = await db.insert(idempotencyKeys).values({ scope, key, requestHash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (inserted.length) return null;
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return claimIdempotencyKey(db, scope, key, requestBody); // released between the two statements
  if (row.requestHash !== requestHash) throw new AppError("conflict", "This Idempotency-Key was already used with a different request body.");
  if (row.status === null) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed.");
  return { status: row.status, body: row.responseBody ?? "", headers: row.responseHeaders ?? {} };
}

export async function storeIdempotentResponse(db: Db, scope: string, key: string, res: Stored): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status: res.status, responseBody: res.body, responseHeaders: res.headers })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** A request that failed with a server error gives its key back, so the client can retry. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.status} is null`));
}
