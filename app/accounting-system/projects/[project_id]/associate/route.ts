// POST /accounting-system/projects/{id}/associate — attach providers to the project
import { associateProviders } from "@/lib/accounting/projects";
import { associateProvidersOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const POST = handle(associateProvidersOp, async (ctx) => {
  const ids = await associateProviders(ctx, ctx.params.project_id, ctx.body);
  return {
    body: {
      code: 200,
      message: `The following providers [${ids.join(", ")}] have been associated with Project ${ctx.params.project_id}`,
    },
  };
});
