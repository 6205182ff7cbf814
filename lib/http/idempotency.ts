import { and, eq, isNull, sql } from "drizzle-orm";
import { idempotencyKeys } from "@/drizzle/schema";
import { databaseKind, type Db } from "@/lib/db/client";
import { instanceId, instanceLockKey } from "@/lib/db/instance";
import { sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";

type Stored = { status: number; body: string; headers: Record<string, string> };
/** `waitMs`: how long a duplicate waits for the first request with its key to commit or roll back before it is
 *  told "still being processed" (PostgreSQL; on PGlite one transaction runs at a time, so it waits its turn). */
type Claim = { scope: string; key: string; requestBody: string; waitMs?: number };

/** Thrown inside the transaction to roll it back when the answer is a server error, which is never stored. */
class ServerErrorAnswer extends Error {
  constructor(readonly response: Response) {
    super("server error answer");
  }
}

/**
 * Runs a POST that carries an Idempotency-Key. The key's claim, everything the request writes (`run`
 * gets the open transaction) and its stored answer commit in one transaction, so a crash at any moment
 * leaves either all of them or none: a retry then replays the answer or runs afresh, never a second time.
 * A concurrent duplicate blocks on the uncommitted claim, then replays the answer (or runs, if the first
 * rolled back). Answers >= 500 roll everything back, so the client may retry.
 */
export async function runIdempotent(
  db: Db,
  claim: Claim,
  run: (tx: Db) => Promise<Response>,
): Promise<{ response: Response; replayed: boolean }> {
  const postgres = (await databaseKind()) === "postgres";
  try {
    return await db.transaction(async (tx) => {
      if (postgres)
        await tx.execute(sql.raw(`set local lock_timeout = ${Math.max(1, Math.round(claim.waitMs ?? 10_000))}`));
      const stored = await claimIdempotencyKey(tx, claim.scope, claim.key, claim.requestBody).catch((e) => {
        throw sqlState(e) === "55P03" ? stillRunning() : e;
      });
      if (stored)
        return {
          response: new Response(stored.body || null, { status: stored.status, headers: stored.headers }),
          replayed: true,
        };
      if (postgres) await tx.execute(sql`set local lock_timeout to default`);
      const response = await run(tx);
      if (response.status >= 500) throw new ServerErrorAnswer(response);
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => k !== "x-correlation-id" && k !== "set-cookie" && (headers[k] = v));
      await storeIdempotentResponse(tx, claim.scope, claim.key, {
        status: response.status,
        body: await response.clone().text(),
        headers,
      });
      return { response, replayed: false };
    });
  } catch (e) {
    if (e instanceof ServerErrorAnswer) return { response: e.response, replayed: false };
    throw e;
  }
}

const sqlState = (e: unknown) => (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
const stillRunning = () => new AppError("conflict", "A request with this Idempotency-Key is still being processed.");

/**
 * Claims an Idempotency-Key for (actor, method, path). Returns the stored first response for a repeat,
 * throws 409 for the same key with another body or while the first request is still running,
 * and returns null when this request owns the key and should run.
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  requestBody: string,
): Promise<Stored | null> {
  if (key.length > 255) throw new AppError("bad_request", "Idempotency-Key must be at most 255 characters.");
  const requestHash = sha256Hex(requestBody);
  const owner = instanceId();
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, owner })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length) return null;
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return claimIdempotencyKey(db, scope, key, requestBody); // released between the two statements
  if (row.requestHash !== requestHash)
    throw new AppError("conflict", "This Idempotency-Key was already used with a different request body.");
  if (row.status === null) {
    // Only claims committed on their own (by versions before runIdempotent) are ever pending here.
    if (!(await ownerIsGone(db, row.owner, row.createdAt))) throw stillRunning();
    // The process that ran the first request died before answering (its transaction rolled back with it):
    // this retry takes the key over and runs. Only one retry wins the update.
    const taken = await db
      .update(idempotencyKeys)
      .set({ owner, createdAt: new Date() })
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          isNull(idempotencyKeys.status),
          row.owner === null ? isNull(idempotencyKeys.owner) : eq(idempotencyKeys.owner, row.owner),
        ),
      )
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
  const res = await db.execute(
    sql`select case when pg_try_advisory_lock(${k}::bigint) then pg_advisory_unlock(${k}::bigint) else false end as gone`,
  );
  return (res as unknown as { rows: { gone: boolean }[] }).rows[0]?.gone === true;
}

export async function storeIdempotentResponse(db: Db, scope: string, key: string, res: Stored): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status: res.status, responseBody: res.body, responseHeaders: res.headers })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}
