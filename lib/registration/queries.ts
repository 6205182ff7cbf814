import { and, asc, count, desc, eq, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  organisationMembers,
  providerCredentials,
  providers,
  registrationRequests,
  users,
  welcomeAttempts,
  welcomeOutbox,
  type RegistrationRequestRow,
} from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import { tokenDigest } from "@/lib/crypto/tokens";
import type { Executor } from "@/lib/db/client";
import type { RegistrationState } from "./schemas";

export async function findRegistrationByToken(db: Executor, token: string): Promise<RegistrationRequestRow | null> {
  const [row] = await db
    .select()
    .from(registrationRequests)
    .where(eq(registrationRequests.tokenDigest, tokenDigest(token)));
  return row ?? null;
}

/** What a person sees: the stored status, or "expired" for an undecided request past its time. */
export function registrationState(
  row: Pick<RegistrationRequestRow, "status" | "expiresAt">,
  now = new Date(),
): RegistrationState {
  if ((row.status === "pending" || row.status === "signed") && row.expiresAt <= now) return "expired";
  return row.status;
}

function stateFilter(state: RegistrationState): SQL {
  const now = new Date();
  if (state === "expired")
    return and(inArray(registrationRequests.status, ["pending", "signed"]), lte(registrationRequests.expiresAt, now))!;
  if (state === "pending" || state === "signed")
    return and(eq(registrationRequests.status, state), gt(registrationRequests.expiresAt, now))!;
  return eq(registrationRequests.status, state);
}

const signer = alias(users, "signer");
const decider = alias(users, "decider");
const requester = alias(users, "requester");

export type RegistrationListItem = RegistrationRequestRow & {
  state: RegistrationState;
  signerName: string | null;
  deciderName: string | null;
  requesterName: string | null;
  providerId: string | null;
};

function registrationSelect(db: Executor) {
  return db
    .select({
      r: registrationRequests,
      signerName: signer.username,
      deciderName: decider.username,
      requesterName: requester.username,
      providerId: providers.id,
    })
    .from(registrationRequests)
    .leftJoin(signer, eq(signer.id, registrationRequests.signedBy))
    .leftJoin(decider, eq(decider.id, registrationRequests.decidedBy))
    .leftJoin(requester, eq(requester.id, registrationRequests.requestedBy))
    .leftJoin(providers, eq(providers.pk, registrationRequests.providerPk));
}

type Joined = {
  r: RegistrationRequestRow;
  signerName: string | null;
  deciderName: string | null;
  requesterName: string | null;
  providerId: string | null;
};
const toItem = ({ r, ...rest }: Joined): RegistrationListItem => ({ ...r, ...rest, state: registrationState(r) });

/** The approval queue: one state (or all), newest first, with the count of every state. */
export async function listRegistrations(db: Executor, opts: { state?: RegistrationState; page: number; size: number }) {
  const where = opts.state ? stateFilter(opts.state) : undefined;
  const rows = await registrationSelect(db)
    .where(where)
    .orderBy(desc(registrationRequests.createdAt), desc(registrationRequests.id))
    .limit(opts.size)
    .offset((opts.page - 1) * opts.size);
  const [{ total }] = await db.select({ total: count() }).from(registrationRequests).where(where);
  return { items: rows.map(toItem), total: Number(total), counts: await registrationCounts(db) };
}

export async function registrationCounts(db: Executor): Promise<Record<RegistrationState, number>> {
  const now = new Date();
  const rows = await db
    .select({
      state: sql<string>`case
        when ${registrationRequests.status} in ('pending','signed')
          and ${registrationRequests.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'
        else ${registrationRequests.status}::text end`,
      n: count(),
    })
    .from(registrationRequests)
    .groupBy(sql`1`);
  const out: Record<RegistrationState, number> = { pending: 0, signed: 0, approved: 0, rejected: 0, expired: 0 };
  for (const r of rows) out[r.state as RegistrationState] = Number(r.n);
  return out;
}

/**
 * Requests waiting for an admin's decision: signed and not expired — what the queue's default tab lists
 * (the sidebar badge and the dashboard). Pending ones still wait for their sysadmin's signature.
 */
export async function awaitingApprovalCount(db: Executor): Promise<number> {
  return (await registrationCounts(db)).signed;
}

export async function getRegistration(db: Executor, id: string): Promise<RegistrationListItem | null> {
  const [row] = await registrationSelect(db).where(eq(registrationRequests.id, id));
  return row ? toItem(row) : null;
}

/** A provider registered through seed 000, with its credentials row and owner's username. */
export async function findRegisteredProvider(db: Executor, idOrNumber: string) {
  const key = /^\d{1,15}$/.test(idOrNumber)
    ? eq(providers.resourceNumber, Number(idOrNumber))
    : eq(providers.id, idOrNumber);
  const [row] = await db
    .select({ provider: providers, credentials: providerCredentials, ownerUsername: users.username })
    .from(providers)
    .innerJoin(providerCredentials, eq(providerCredentials.providerPk, providers.pk))
    .leftJoin(users, eq(users.id, providers.ownerUserId))
    .where(key);
  return row ?? null;
}

/** Registered providers the actor may see (admin and support: all), in resource-number order after `after`. */
export async function browseRegisteredProviders(db: Executor, actor: Actor, opts: { after: number; limit: number }) {
  const all = actor.role === "admin" || actor.role === "support";
  const mine = or(
    eq(providers.ownerUserId, actor.id),
    actor.providerId ? eq(providers.id, actor.providerId) : undefined,
    inArray(
      providers.organisationId,
      db
        .select({ id: organisationMembers.organisationId })
        .from(organisationMembers)
        .where(and(eq(organisationMembers.userId, actor.id), inArray(organisationMembers.role, ["owner", "manager"]))),
    ),
  );
  return db
    .select({ provider: providers, credentials: providerCredentials, ownerUsername: users.username })
    .from(providers)
    .innerJoin(providerCredentials, eq(providerCredentials.providerPk, providers.pk))
    .leftJoin(users, eq(users.id, providers.ownerUserId))
    .where(and(gt(providers.resourceNumber, opts.after), all ? undefined : mine))
    .orderBy(asc(providers.resourceNumber))
    .limit(opts.limit);
}

/** The welcome messages of one provider and every attempt, newest first. */
export async function welcomeDeliveries(db: Executor, providerPk: string) {
  const messages = await db
    .select()
    .from(welcomeOutbox)
    .where(eq(welcomeOutbox.providerPk, providerPk))
    .orderBy(desc(welcomeOutbox.createdAt));
  const attempts = messages.length
    ? await db
        .select()
        .from(welcomeAttempts)
        .where(
          inArray(
            welcomeAttempts.outboxId,
            messages.map((m) => m.id),
          ),
        )
        .orderBy(desc(welcomeAttempts.attempt))
    : [];
  return messages.map((m) => {
    const { payloadCiphertext, ...rest } = m; // eslint-disable-line @typescript-eslint/no-unused-vars -- the payload carries secrets
    return { ...rest, attemptLog: attempts.filter((a) => a.outboxId === m.id) };
  });
}
