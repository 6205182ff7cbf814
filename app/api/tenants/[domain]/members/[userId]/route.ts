// DELETE /api/tenants/{domain}/members/{userId} — remove a user's tenant role (admin or csp)
import { removeTenantMemberOperation } from "@/lib/dialects/portal/tenancy-operations";
import { handle } from "@/lib/http/handle";
import { removeTenantMember } from "@/lib/tenancy/remove-tenant-member";

export const DELETE = handle(removeTenantMemberOperation, async (ctx) => {
  await removeTenantMember(ctx, ctx.params.domain, ctx.params.userId);
  return { status: 204 };
});
