// GET/PATCH/DELETE /accounting-system/providers/{provider_id} — fetch, partially update, delete a provider
import {
  deleteProviderOperation,
  getProviderOperation,
  updateProviderOperation,
} from "@/lib/dialects/argo/provider-operations";
import { argoMessage, toArgoProvider } from "@/lib/dialects/argo/providers";
import { handle } from "@/lib/http/handle";
import { deleteProvider } from "@/lib/providers/delete-provider";
import { getProvider } from "@/lib/providers/queries";
import { updateProvider } from "@/lib/providers/update-provider";

export const GET = handle(getProviderOperation, async ({ db, params }) => ({
  body: toArgoProvider(await getProvider(db, params.provider_id)),
}));

export const PATCH = handle(updateProviderOperation, async (ctx) => ({
  body: toArgoProvider(await updateProvider(ctx, ctx.params.provider_id, ctx.body, { refuseInProject: true })),
}));

export const DELETE = handle(deleteProviderOperation, async (ctx) => {
  await deleteProvider(ctx, ctx.params.provider_id);
  return { body: argoMessage(200, "Provider has been deleted successfully.") };
});
