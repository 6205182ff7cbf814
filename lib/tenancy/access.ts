import { and, eq, sql } from "drizzle-orm";
import { tenantMembers, tenants, type TenantRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { TENANT_HEADER_ABOUT } from "./schemas";

/** csp: everything in the tenant · reseller: its own customers · viewer: federation support, read only. */
export type TenantAccess = {
  tenant: TenantRow;
  actor: Actor;
  role: "csp" | "reseller" | "viewer";
  resellerId: string | null;
};

export async function findTenantByDomain(db: Executor, domain: string): Promise<TenantRow | undefined> {
  const [row] = await db
    .select()
    .from(tenants)
    .where(sql`lower(${tenants.domain}) = ${domain.trim().toLowerCase()}`);
  return row;
}

/**
 * Who the actor is in the tenant named by `domain` (the X-Tenant header): missing → 400, unknown → 404,
 * no role there → 403. A federation admin acts as csp in every tenant.
 */
export async function tenantAccess(
  db: Executor,
  actor: Actor | null,
  domain: string | null | undefined,
): Promise<TenantAccess> {
  const a = requireUser(actor);
  if (!domain || !domain.trim())
    throw new AppError("bad_request", `The X-Tenant header is required: ${TENANT_HEADER_ABOUT}`, {
      "X-Tenant": [`Required: ${TENANT_HEADER_ABOUT}`],
    });
  const tenant = await findTenantByDomain(db, domain);
  if (!tenant)
    throw new AppError("not_found", `Tenant '${domain.trim().slice(0, 253)}' not found.`, {
      "X-Tenant": ["No tenant has this domain."],
    });
  if (a.role === "admin") return { tenant, actor: a, role: "csp", resellerId: null };
  const [member] = await db
    .select()
    .from(tenantMembers)
    .where(and(eq(tenantMembers.tenantId, tenant.id), eq(tenantMembers.userId, a.id)));
  if (member?.role === "csp") return { tenant, actor: a, role: "csp", resellerId: null };
  if (member?.role === "reseller" && member.resellerId)
    return { tenant, actor: a, role: "reseller", resellerId: member.resellerId };
  if (a.role === "support") return { tenant, actor: a, role: "viewer", resellerId: null };
  throw forbidden("You have no csp or reseller role in this tenant.");
}

export function requireCsp(access: TenantAccess): TenantAccess {
  if (access.role !== "csp") throw forbidden("Only a csp of this tenant may do this.");
  return access;
}

export function requireCspOrReseller(access: TenantAccess): TenantAccess {
  if (access.role === "viewer") throw forbidden("Support staff may read but not change tenant data.");
  return access;
}

/**
 * The reseller an action is for. A reseller acts only for itself and must not name one (400); a csp may
 * name any reseller of the tenant (checked by the caller) or none.
 */
export function resellerScope(access: TenantAccess, requested: string | null | undefined): string | null {
  if (access.role === "reseller") {
    if (requested)
      throw new AppError("bad_request", "A reseller must not pass resellerId: it acts for itself.", {
        resellerId: ["Must not be passed when a reseller performs the request."],
      });
    return access.resellerId;
  }
  return requested ?? null;
}
