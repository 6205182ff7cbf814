// GET /api/audit-events — browse and filter the audit log (admin, support)
import { listAuditEvents, toAuditEventOutput } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/authorize";
import { listAuditOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(listAuditOperation, async ({ db, actor, query }) => {
  requireRole(actor, "admin", "support");
  const { rows, total } = await listAuditEvents(db, query);
  return { body: { items: rows.map(toAuditEventOutput), total, page: query.page, size: query.size } };
});
