// GET /accounting-system/providers — every provider, paged · POST — register one (creator_id = caller)
import { argoPage } from "@/lib/dialects/argo/paging";
import { createProviderOperation, listProvidersOperation } from "@/lib/dialects/argo/provider-operations";
import { toArgoProvider } from "@/lib/dialects/argo/providers";
import { handle } from "@/lib/http/handle";
import { createProvider } from "@/lib/providers/create-provider";
import { pageProviders } from "@/lib/providers/queries";

export const GET = handle(listProvidersOperation, async ({ req, db, query }) => {
  const { rows, total } = await pageProviders(db, undefined, query);
  return { body: argoPage(req, query, total, rows.map(toArgoProvider)) };
});

export const POST = handle(createProviderOperation, async (ctx) => ({
  status: 201,
  body: toArgoProvider(await createProvider(ctx, ctx.body)),
}));
