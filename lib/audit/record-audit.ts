import { auditEvents } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { actorLabel, type ServiceContext } from "@/lib/auth/actor";

const SECRET_KEYS = /(^password$|secret|token$|^private|_key$|Key$)/i;

/** Drops anything that looks like a secret from an audit summary. */
export function redact(summary: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(summary).map(([k, v]) => [
      k,
      SECRET_KEYS.test(k)
        ? "[redacted]"
        : v && typeof v === "object" && !Array.isArray(v)
          ? redact(v as Record<string, unknown>)
          : v,
    ]),
  );
}

/** Write an audit event; call it with the transaction that makes the change it describes. */
export async function recordAudit(
  tx: Executor,
  ctx: Pick<ServiceContext, "actor" | "correlationId">,
  event: {
    action: string;
    entityType: string;
    entityId: string;
    summary?: Record<string, unknown>;
    actorLabel?: string;
  },
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: ctx.actor?.id ?? null,
    actorLabel: event.actorLabel ?? actorLabel(ctx.actor),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    correlationId: ctx.correlationId,
    summary: redact(event.summary ?? {}),
  });
}
