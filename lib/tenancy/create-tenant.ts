import { tenants, type TenantRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { findTenantByDomain } from "./access";
import { createTenantInput, type CreateTenantInput } from "./schemas";

/** A federation admin creates a tenant; its domain (case-insensitive) is what X-Tenant names. */
export async function createTenant(ctx: ServiceContext, input: CreateTenantInput): Promise<TenantRow> {
  const actor = requireRole(ctx.actor, "admin");
  const data = parseWith(createTenantInput, input);
  return ctx.db.transaction(async (tx) => {
    if (await findTenantByDomain(tx, data.domain))
      throw new AppError("conflict", "A tenant with this domain already exists.", {
        domain: ["A tenant with this domain already exists."],
      });
    const [row] = await tx
      .insert(tenants)
      .values({ domain: data.domain, name: data.name, createdBy: actor.id })
      .returning();
    await recordAudit(tx, ctx, {
      action: "tenant.create",
      entityType: "tenant",
      entityId: row.id,
      summary: { domain: row.domain, name: row.name },
    });
    return row;
  });
}
