// GET /accounting-system/projects/{project_id}/providers/{provider_id}/acl — who has which roles, paged
import { argoPage, pageWindow } from "@/lib/dialects/argo/paging";
import { listAclOperation } from "@/lib/dialects/argo/provider-operations";
import { handle } from "@/lib/http/handle";
import { listProviderAcl } from "@/lib/providers/provider-acl";

export const GET = handle(listAclOperation, async (ctx) => {
  const entries = await listProviderAcl(ctx, ctx.params.project_id, ctx.params.provider_id);
  const { offset, limit } = pageWindow(ctx.query);
  const content = entries
    .slice(offset, offset + limit)
    .map((e) => ({ who: e.subject, username: e.username, roles: e.roles.map((r) => r.role) }));
  return { body: argoPage(ctx.req, ctx.query, entries.length, content) };
});
