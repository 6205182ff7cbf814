// POST /accounting-system/projects/{id}/dissociate — detach providers (409 while installations exist)
import { dissociateProviders } from "@/lib/accounting/projects";
import { dissociateProvidersOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const POST = handle(dissociateProvidersOp, async (ctx) => {
  const ids = await dissociateProviders(ctx, ctx.params.project_id, ctx.body);
  return {
    body: {
      code: 200,
      message: `The following providers [${ids.join(", ")}] have been dissociated from Project ${ctx.params.project_id}`,
    },
  };
});
