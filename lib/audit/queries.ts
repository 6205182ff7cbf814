import { and, count, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import { auditEvents, type AuditEventRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import type { AuditEventOutput, ListAuditQuery } from "./schemas";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toAuditEventOutput = (e: AuditEventRow): AuditEventOutput => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actor: e.actorLabel,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  correlationId: e.correlationId,
  summary: e.summary,
});

export async function listAuditEvents(
  db: Executor,
  q: ListAuditQuery,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const where: SQL[] = [];
  if (q.actor)
    where.push(
      UUID_RE.test(q.actor)
        ? or(eq(auditEvents.actorId, q.actor), eq(auditEvents.actorLabel, q.actor))!
        : eq(auditEvents.actorLabel, q.actor),
    );
  if (q.action)
    where.push(
      q.action.endsWith("*")
        ? like(auditEvents.action, q.action.slice(0, -1).replace(/[\\%_]/g, (c) => "\\" + c) + "%")
        : eq(auditEvents.action, q.action),
    );
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.correlationId) where.push(eq(auditEvents.correlationId, q.correlationId));
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lt(auditEvents.at, new Date(q.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(cond)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    db.select({ total: count() }).from(auditEvents).where(cond),
  ]);
  return { rows, total };
}
