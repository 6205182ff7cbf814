// GET/PATCH/DELETE /accounting-system/installations/{id}
import { deleteInstallation, readInstallation, updateInstallation } from "@/lib/accounting/installations";
import { toArgoInstallation } from "@/lib/dialects/argo/accounting/mappers";
import {
  deleteInstallationOp,
  getInstallationOp,
  updateInstallationOp,
} from "@/lib/dialects/argo/accounting/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(getInstallationOp, async (ctx) => ({
  body: toArgoInstallation(await readInstallation(ctx, ctx.params.id)),
}));

export const PATCH = handle(updateInstallationOp, async (ctx) => ({
  body: toArgoInstallation(await updateInstallation(ctx, ctx.params.id, ctx.body)),
}));

export const DELETE = handle(deleteInstallationOp, async (ctx) => {
  await deleteInstallation(ctx, ctx.params.id);
  return { body: { code: 200, message: "Installation has been deleted successfully." } };
});
