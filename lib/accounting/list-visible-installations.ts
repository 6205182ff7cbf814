import { eq } from "drizzle-orm";
import { providers } from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { hasProviderAccess } from "@/lib/providers/access";
import { listInstallations, type InstallationWithUnit } from "./installations";

/**
 * Installations of a project (optionally one provider) that the caller may see: all for admin and
 * support; otherwise those of providers they own or hold a grant for in that project.
 */
export async function listVisibleInstallations(
  ctx: ServiceContext,
  filter: { projectId: string; providerId?: string },
  page: number,
  size: number,
): Promise<{ rows: InstallationWithUnit[]; total: number }> {
  const actor = requireUser(ctx.actor);
  if (actor.role === "admin" || actor.role === "support") return listInstallations(ctx.db, filter, page, size);
  if (filter.providerId) {
    const ok =
      (await hasProviderAccess(ctx.db, actor, filter.providerId, "read_reports", filter.projectId)) ||
      (await hasProviderAccess(ctx.db, actor, filter.providerId, "write_usage", filter.projectId));
    return ok ? listInstallations(ctx.db, filter, page, size) : { rows: [], total: 0 };
  }
  const all = await listInstallations(ctx.db, filter, 1, 100_000);
  const allowed = new Map<string, boolean>();
  for (const r of all.rows) {
    if (!allowed.has(r.providerId)) {
      const [p] = await ctx.db.select({ id: providers.id }).from(providers).where(eq(providers.id, r.providerId));
      allowed.set(
        r.providerId,
        Boolean(p) &&
          ((await hasProviderAccess(ctx.db, actor, r.providerId, "read_reports", filter.projectId)) ||
            (await hasProviderAccess(ctx.db, actor, r.providerId, "write_usage", filter.projectId))),
      );
    }
  }
  const rows = all.rows.filter((r) => allowed.get(r.providerId));
  return { rows: rows.slice((page - 1) * size, page * size), total: rows.length };
}
