import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { providers, welcomeAttempts, welcomeOutbox, type WelcomeOutboxRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { decryptSecret, encryptSecret } from "@/lib/crypto/tokens";
import type { Db, Executor } from "@/lib/db/client";
import { WELCOME_BACKOFF_BASE_MS, WELCOME_MAX_ATTEMPTS } from "./schemas";
import { raiseWelcomeEvents } from "./welcome-events";

export type WelcomePayload = { token: string; createdProvider: { refreshToken: string; publicKey: string } };

const SEND_TIMEOUT_MS = 10_000;
const LEASE_MS = 60_000; // longer than a send can take, so a lease never ends while its holder still sends
const MAX_BACKOFF_MS = 6 * 3_600_000;

/** `{http|https}://{domain}[:{port}]/ucloud/{id}/integration/welcome`, IPv6 literals bracketed. */
export function welcomeUrl(spec: { id: string; domain: string; https: boolean; port: number | null }): string {
  const host = spec.domain.includes(":") && !spec.domain.startsWith("[") ? `[${spec.domain}]` : spec.domain;
  return `${spec.https ? "https" : "http"}://${host}${spec.port ? `:${spec.port}` : ""}/ucloud/${encodeURIComponent(spec.id)}/integration/welcome`;
}

/** Stores the welcome message in the caller's transaction: it is sent after commit, however long it takes. */
export async function enqueueWelcome(
  tx: Executor,
  args: {
    providerPk: string;
    registrationId: string | null;
    url: string;
    payload: WelcomePayload;
    correlationId?: string;
  },
): Promise<WelcomeOutboxRow> {
  const [row] = await tx
    .insert(welcomeOutbox)
    .values({
      providerPk: args.providerPk,
      registrationId: args.registrationId,
      url: args.url,
      payloadCiphertext: encryptSecret(JSON.stringify(args.payload), "welcome-payload"),
      maxAttempts: WELCOME_MAX_ATTEMPTS(),
      correlationId: args.correlationId ?? null,
    })
    .returning();
  return row;
}

export const backoffMs = (attempt: number, base = WELCOME_BACKOFF_BASE_MS()) =>
  Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1));

/** Claims due messages under a lease; SKIP LOCKED keeps concurrent workers off each other's rows. */
export async function claimDueWelcomes(
  db: Db,
  now: Date,
  limit: number,
  onlyId?: string,
): Promise<{ claimId: string; rows: WelcomeOutboxRow[] }> {
  const claimId = randomUUID();
  const due = db
    .select({ id: welcomeOutbox.id })
    .from(welcomeOutbox)
    .where(
      and(
        eq(welcomeOutbox.status, "pending"),
        lte(welcomeOutbox.nextAttemptAt, now),
        or(isNull(welcomeOutbox.leaseUntil), lt(welcomeOutbox.leaseUntil, now)),
        onlyId ? eq(welcomeOutbox.id, onlyId) : undefined,
      ),
    )
    .orderBy(welcomeOutbox.nextAttemptAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(welcomeOutbox)
    .set({ claimId, leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(welcomeOutbox.id, due))
    .returning();
  return { claimId, rows };
}

async function send(row: WelcomeOutboxRow): Promise<{ ok: boolean; httpStatus: number | null; error: string | null }> {
  const payload = JSON.parse(decryptSecret(row.payloadCiphertext, "welcome-payload")) as WelcomePayload;
  try {
    const res = await fetch(row.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${payload.token}`,
        "user-agent": "Portico welcome delivery",
      },
      body: JSON.stringify(payload),
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = (await res.text().catch(() => "")).slice(0, 300);
    if (res.ok) return { ok: true, httpStatus: res.status, error: null };
    return { ok: false, httpStatus: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ""}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const name = (e as Error).name;
    const msg =
      name === "TimeoutError"
        ? `No answer within ${SEND_TIMEOUT_MS / 1000} s`
        : cause?.code
          ? `${cause.code}: ${cause.message ?? ""}`.trim()
          : (e as Error).message;
    return { ok: false, httpStatus: null, error: msg.slice(0, 300) };
  }
}

async function deliverOne(
  db: Db,
  row: WelcomeOutboxRow,
  claimId: string,
  worker: string,
  now: Date,
): Promise<"delivered" | "retry" | "failed" | "lost"> {
  const attempt = row.attempts + 1;
  const startedAt = new Date();
  const result = await send(row);
  const durationMs = Date.now() - startedAt.getTime();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(welcomeOutbox).where(eq(welcomeOutbox.id, row.id)).for("update");
    if (!current || current.claimId !== claimId) return "lost"; // the lease ran out and someone else took over
    await tx.insert(welcomeAttempts).values({
      outboxId: row.id,
      attempt,
      startedAt,
      durationMs,
      httpStatus: result.httpStatus,
      ok: result.ok,
      error: result.error,
      worker,
    });
    const giveUp = !result.ok && attempt >= current.maxAttempts;
    const outcome = result.ok ? "delivered" : giveUp ? "failed" : "retry";
    await tx
      .update(welcomeOutbox)
      .set({
        attempts: attempt,
        status: outcome === "retry" ? "pending" : outcome,
        claimId: null,
        leaseUntil: null,
        lastError: result.error,
        deliveredAt: result.ok ? new Date() : null,
        nextAttemptAt: outcome === "retry" ? new Date(now.getTime() + backoffMs(attempt)) : current.nextAttemptAt,
      })
      .where(eq(welcomeOutbox.id, row.id));
    await raiseWelcomeEvents(tx, row, attempt, result, giveUp);
    if (outcome !== "retry") {
      const [provider] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.pk, row.providerPk));
      await recordAudit(
        tx,
        { actor: null, correlationId: row.correlationId ?? randomUUID() },
        {
          action: result.ok ? "welcome.delivered" : "welcome.failed",
          entityType: "provider",
          entityId: provider?.id ?? row.providerPk,
          actorLabel: "portico",
          summary: { url: row.url, attempt, httpStatus: result.httpStatus, error: result.error },
        },
      );
    }
    return outcome;
  });
}

/**
 * The outbox worker: sends every due welcome message once per claim. Safe in any number of processes.
 * Returns what happened to each message it claimed.
 */
export async function deliverDueWelcomes(
  db: Db,
  opts: { now?: Date; limit?: number; onlyId?: string; worker?: string } = {},
) {
  const now = opts.now ?? new Date();
  const { claimId, rows } = await claimDueWelcomes(db, now, opts.limit ?? 10, opts.onlyId);
  const worker = opts.worker ?? `pid-${process.pid}`;
  const outcomes = await Promise.all(rows.map((r) => deliverOne(db, r, claimId, worker, now)));
  return rows.map((r, i) => ({ id: r.id, outcome: outcomes[i] }));
}

/** "Retry now": makes a pending or failed message due at once and grants it one more attempt if it ran out. */
export async function makeWelcomeDueNow(tx: Executor, id: string): Promise<WelcomeOutboxRow | null> {
  const [row] = await tx
    .update(welcomeOutbox)
    .set({
      status: "pending",
      nextAttemptAt: new Date(),
      maxAttempts: sql`greatest(${welcomeOutbox.maxAttempts}, ${welcomeOutbox.attempts} + 1)`,
    })
    .where(and(eq(welcomeOutbox.id, id), inArray(welcomeOutbox.status, ["pending", "failed"])))
    .returning();
  return row ?? null;
}
