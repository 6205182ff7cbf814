// POST /accounting-system/installations — create an installation for an associated (project, provider)
import { createInstallation } from "@/lib/accounting/installations";
import { toArgoInstallation } from "@/lib/dialects/argo/accounting/mappers";
import { createInstallationOp } from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const POST = handle(createInstallationOp, async (ctx) => ({
  status: 201,
  body: toArgoInstallation(await createInstallation(ctx, ctx.body)),
}));
