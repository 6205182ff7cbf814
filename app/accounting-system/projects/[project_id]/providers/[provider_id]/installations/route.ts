// GET /accounting-system/projects/{id}/providers/{providerId}/installations — paged
import { listVisibleInstallations } from "@/lib/accounting/list-visible-installations";
import { toArgoInstallation } from "@/lib/dialects/argo/accounting/mappers";
import { listProjectProviderInstallationsOp } from "@/lib/dialects/argo/accounting/operations";
import { argoPage } from "@/lib/dialects/argo/paging";
import { handle } from "@/lib/http/handle";

export const GET = handle(listProjectProviderInstallationsOp, async (ctx) => {
  const { rows, total } = await listVisibleInstallations(
    ctx,
    { projectId: ctx.params.project_id, providerId: ctx.params.provider_id },
    ctx.query.page,
    ctx.query.size,
  );
  return { body: argoPage(ctx.req, ctx.query, total, rows.map(toArgoInstallation)) };
});
