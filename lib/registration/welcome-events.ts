import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { events, providers, registrationRequests, type WelcomeOutboxRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { emitEvent } from "@/lib/notifications/emit-event";

/** After how many failed attempts a welcome counts as failing and its people are told (`PORTICO_WELCOME_ALERT_AFTER`). */
export const WELCOME_ALERT_AFTER = () => Math.max(1, Number(process.env.PORTICO_WELCOME_ALERT_AFTER || 3));

/**
 * In the transaction that records a welcome attempt: `welcome.failing` once the message has failed
 * `WELCOME_ALERT_AFTER` times (or gave up sooner), and `welcome.recovered` when a message that was
 * reported failing is delivered after all. Each at most once per message (dedupe keys in PostgreSQL).
 * The message names the HTTP status or the connection error, never the answer's body (a receiver could
 * echo the credentials back) nor anything of the payload.
 */
export async function raiseWelcomeEvents(
  tx: Executor,
  row: WelcomeOutboxRow,
  attempt: number,
  result: { ok: boolean; httpStatus: number | null; error: string | null },
  gaveUp: boolean,
): Promise<void> {
  const failingKey = `welcome.failing:${row.id}`;
  const failing = !result.ok && (attempt >= WELCOME_ALERT_AFTER() || gaveUp);
  const recovered =
    result.ok &&
    (
      await tx
        .select({ id: events.id })
        .from(events)
        .where(and(eq(events.dedupeKey, failingKey)))
    ).length > 0;
  if (!failing && !recovered) return;
  const [provider] = await tx.select().from(providers).where(eq(providers.pk, row.providerPk));
  if (!provider) return;
  const [registration] = row.registrationId
    ? await tx
        .select({ signedBy: registrationRequests.signedBy })
        .from(registrationRequests)
        .where(eq(registrationRequests.id, row.registrationId))
    : [];
  const ctx = { actor: null, correlationId: row.correlationId ?? randomUUID() };
  const common = {
    subject: { type: "provider", id: provider.id },
    organisationId: provider.organisationId,
    link: `/providers/${encodeURIComponent(provider.id)}?tab=registration`,
    audience: { users: [registration?.signedBy], providerPk: provider.pk },
  };
  const data = { providerId: provider.id, welcomeId: row.id, attempts: attempt };
  if (failing) {
    const why = result.httpStatus ? `HTTP ${result.httpStatus}` : (result.error ?? "no answer").slice(0, 200);
    await emitEvent(tx, ctx, {
      ...common,
      kind: "welcome.failing",
      title: `Welcome delivery failing for provider ${provider.name}`,
      body: gaveUp
        ? `Portico gave up sending the provider's credentials to its integration module after ${attempt} attempts (last: ${why}). Check that the module is reachable, then use Retry now on the provider's registration tab.`
        : `${attempt} attempts to send the provider's credentials to its integration module failed (last: ${why}). Portico keeps retrying with backoff; check that the module is reachable.`,
      data: { ...data, gaveUp, httpStatus: result.httpStatus },
      dedupeKey: failingKey,
    });
  } else {
    await emitEvent(tx, ctx, {
      ...common,
      kind: "welcome.recovered",
      title: `Welcome delivered to provider ${provider.name}`,
      body: `The integration module received the provider's credentials at attempt ${attempt}, after the failures reported earlier.`,
      data,
      dedupeKey: `welcome.recovered:${row.id}`,
    });
  }
}
