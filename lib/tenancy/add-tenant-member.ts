import { and, eq } from "drizzle-orm";
import { resellers, tenantMembers, type TenantMemberRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { findUserById, findUserByLogin } from "@/lib/users/queries";
import { requireCsp, tenantAccess } from "./access";
import { findReseller } from "./queries";
import { addTenantMemberInput, type AddTenantMemberInput } from "./schemas";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An admin or a csp of the tenant gives a user a tenant role. A reseller member joins the named reseller,
 * or, without resellerId, a new reseller named after the user is created for them.
 */
export async function addTenantMember(
  ctx: ServiceContext,
  tenantDomain: string | null,
  input: AddTenantMemberInput,
): Promise<TenantMemberRow> {
  const data = parseWith(addTenantMemberInput, input);
  const access = requireCsp(await tenantAccess(ctx.db, ctx.actor, tenantDomain));
  if (data.role === "csp" && data.resellerId)
    throw new AppError("validation", "Only a reseller member belongs to a reseller.", {
      resellerId: ["Only for role reseller."],
    });
  return ctx.db.transaction(async (tx) => {
    const user = UUID_RE.test(data.user) ? await findUserById(tx, data.user) : await findUserByLogin(tx, data.user);
    if (!user) throw new AppError("validation", "No such user.", { user: ["No user has this id, username or email."] });
    const [existing] = await tx
      .select()
      .from(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, access.tenant.id), eq(tenantMembers.userId, user.id)));
    if (existing)
      throw new AppError("conflict", `${user.username} already has the ${existing.role} role in this tenant.`, {
        user: ["Already a member of this tenant; remove them first to change the role."],
      });
    let resellerId: string | null = null;
    if (data.role === "reseller") {
      if (data.resellerId) {
        if (!(await findReseller(tx, access.tenant.id, data.resellerId)))
          throw new AppError("validation", "No such reseller in this tenant.", {
            resellerId: ["No reseller with this id in this tenant."],
          });
        resellerId = data.resellerId;
      } else {
        const [r] = await tx
          .insert(resellers)
          .values({ tenantId: access.tenant.id, name: user.name || user.username })
          .returning();
        await recordAudit(tx, ctx, {
          action: "reseller.create",
          entityType: "reseller",
          entityId: r.id,
          summary: { tenant: access.tenant.domain, name: r.name },
        });
        resellerId = r.id;
      }
    }
    const [row] = await tx
      .insert(tenantMembers)
      .values({ tenantId: access.tenant.id, userId: user.id, role: data.role, resellerId })
      .returning();
    await recordAudit(tx, ctx, {
      action: "tenant.member.add",
      entityType: "tenant",
      entityId: access.tenant.id,
      summary: { tenant: access.tenant.domain, user: user.username, role: data.role, resellerId },
    });
    return row;
  });
}
