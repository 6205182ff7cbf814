import type { ServiceContext } from "@/lib/auth/actor";
import { canReadAll, requireUser } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors/app-error";
import { getRegistration, listRegistrations, type RegistrationListItem } from "./queries";
import type { RegistrationOutput, RegistrationState } from "./schemas";

export const toRegistrationOutput = (r: RegistrationListItem): RegistrationOutput => ({
  id: r.id,
  specId: r.specId,
  name: r.name,
  domain: r.domain,
  https: r.https,
  port: r.port,
  origin: r.origin,
  state: r.state,
  requestedBy: r.requesterName,
  requesterIp: r.requesterIp,
  signedBy: r.signerName,
  signedAt: r.signedAt?.toISOString() ?? null,
  decidedBy: r.deciderName,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  rejectionReason: r.rejectionReason,
  providerId: r.providerId,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

/** The approval queue: admins and support. */
export async function readRegistrationQueue(
  ctx: ServiceContext,
  q: { state?: RegistrationState; page: number; size: number },
) {
  const actor = requireUser(ctx.actor);
  if (!canReadAll(actor)) throw new AppError("forbidden", "Only federation admins and support see the approval queue.");
  const { items, total, counts } = await listRegistrations(ctx.db, q);
  return { items: items.map(toRegistrationOutput), total, page: q.page, size: q.size, counts };
}

/** One request: admins, support, and the person who asked for or signed it. */
export async function readRegistration(ctx: ServiceContext, id: string): Promise<RegistrationOutput> {
  const actor = requireUser(ctx.actor);
  const row = await getRegistration(ctx.db, id);
  if (!row || !(canReadAll(actor) || row.requestedBy === actor.id || row.signedBy === actor.id))
    throw notFound("Registration");
  return toRegistrationOutput(row);
}
