// GET /accounting-system/projects — paged, with providers and installations · POST — register a project (admin)
import { listProjects, registerProject } from "@/lib/accounting/projects";
import { projectTrees } from "@/lib/accounting/queries";
import { toArgoProject } from "@/lib/dialects/argo/accounting/mappers";
import { listProjectsOp, registerProjectOp } from "@/lib/dialects/argo/accounting/operations";
import { argoPage } from "@/lib/dialects/argo/paging";
import { handle } from "@/lib/http/handle";

export const GET = handle(listProjectsOp, async ({ db, actor, req, query }) => {
  const { rows, total } = await listProjects(db, query.page, query.size);
  const trees = await projectTrees(db, rows, actor);
  return {
    body: argoPage(
      req,
      query,
      total,
      trees.map((t) => toArgoProject(t.project, t.providers)),
    ),
  };
});

export const POST = handle(registerProjectOp, async (ctx) => ({
  status: 201,
  body: toArgoProject(await registerProject(ctx, ctx.body), []),
}));
