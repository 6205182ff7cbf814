// GET /accounting-system/projects/{id} — the project with its providers and their installations
import { getProject } from "@/lib/accounting/projects";
import { projectTrees } from "@/lib/accounting/queries";
import { toArgoProject } from "@/lib/dialects/argo/accounting/mappers";
import { getProjectOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(getProjectOp, async ({ db, actor, params }) => {
  const [tree] = await projectTrees(db, [await getProject(db, params.project_id)], actor);
  return { body: toArgoProject(tree.project, tree.providers) };
});
