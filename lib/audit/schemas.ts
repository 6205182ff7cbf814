import { z } from "zod";

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const listAuditQuery = z.object({
  actor: z.string().max(200).optional().describe("Actor username (exact) or user id"),
  action: z.string().max(100).optional().describe("Action, e.g. user.create; a trailing * matches a prefix"),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  correlationId: z.string().max(128).optional(),
  from: isoDate.optional().describe("Inclusive lower bound (ISO 8601)"),
  to: isoDate.optional().describe("Exclusive upper bound (ISO 8601)"),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEventOutput = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  correlationId: z.string(),
  summary: z.record(z.string(), z.unknown()),
});
export type AuditEventOutput = z.infer<typeof auditEventOutput>;
