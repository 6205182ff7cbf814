import { and, eq, isNull, sql } from "drizzle-orm";
import { idempotencyKeys } from "@/drizzle/schema";
import { databaseKind, type Db } from "@/lib/db/client";
import { instanceId, instanceLockKey } from "@/lib/db/instance";
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
  const owner = instanceId();
  const inserted = await db.insert(idempotencyKeys).values({ scope, key, requestHash, owner }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (inserted.length) return null;
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return claimIdempotencyKey(db, scope, key, requestBody); // released between the two statements
  if (row.requestHash !== requestHash) throw new AppError("conflict", "This Idempotency-Key was already used with a different request body.");
  if (row.status === null) {
    if (!(await ownerIsGone(db, row.owner, row.createdAt))) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed.");
    // The process that ran the first request died before answering (its transaction rolled back with it):
    // this retry takes the key over and runs. Only one retry wins the update.
    const taken = await db
      .update(idempotencyKeys)
      .set({ owner, createdAt: new Date() })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status), row.owner === null ? isNull(idempotencyKeys.owner) : eq(idempotencyKeys.owner, row.owner)))
      .returning({ key: idempotencyKeys.key });
    if (taken.length) return null;
    return claimIdempotencyKey(db, scope, key, requestBody);
  }
  return { status: row.status, body: row.responseBody ?? "", headers: row.responseHeaders ?? {} };
}

const LEGACY_CLAIM_MS = 15 * 60_000;

/**
 * Whether the process that claimed a key is gone. PGlite is opened by one process only, so a claim by any
 * other instance is from a process that has exited. On PostgreSQL the owner's instance lock tells (taken and
 * released at once, in one statement, so on one connection). Claims from before owners were recorded count
 * as gone after 15 minutes.
 */
async function ownerIsGone(db: Db, owner: string | null, createdAt: Date): Promise<boolean> {
  if (owner === null) return Date.now() - createdAt.getTime() > LEGACY_CLAIM_MS;
  if (owner === instanceId()) return false;
  if ((await databaseKind()) === "pglite") return true;
  const k = instanceLockKey(owner);
  const res = await db.execute(sql`select case when pg_try_advisory_lock(${k}::bigint) then pg_advisory_unlock(${k}::bigint) else false end as gone`);
  return (res as unknown as { rows: { gone: boolean }[] }).rows[0]?.gone === true;
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
