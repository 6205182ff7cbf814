// GET /api/tenants/{domain}/members — csp and reseller members · POST — give a user a tenant role (admin or csp)
import { addTenantMemberOperation, listTenantMembersOperation } from "@/lib/dialects/portal/tenancy-operations";
import { handle } from "@/lib/http/handle";
import { addTenantMember } from "@/lib/tenancy/add-tenant-member";
import { readTenantMembers } from "@/lib/tenancy/queries";

type Member = Awaited<ReturnType<typeof readTenantMembers>>["members"][number];
const out = (m: Member) => ({ ...m, createdAt: m.createdAt.toISOString() });

export const GET = handle(listTenantMembersOperation, async ({ db, actor, params }) => ({
  body: (await readTenantMembers(db, actor, params.domain)).members.map(out),
}));

export const POST = handle(addTenantMemberOperation, async (ctx) => {
  const row = await addTenantMember(ctx, ctx.params.domain, ctx.body);
  const { members } = await readTenantMembers(ctx.db, ctx.actor, ctx.params.domain);
  return { status: 201, body: out(members.find((m) => m.userId === row.userId)!) };
});
