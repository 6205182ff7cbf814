// GET /api/providers/retrieve?id=… — a registered provider in UCloud's shape (owner or admin)
import { retrieveProviderOperation } from "@/lib/dialects/ucloud/operations";
import { toUcloudProvider } from "@/lib/dialects/ucloud/providers";
import { handle } from "@/lib/http/handle";
import { retrieveRegisteredProvider } from "@/lib/registration/retrieve-registered-provider";

export const GET = handle(retrieveProviderOperation, async (ctx) => ({
  body: toUcloudProvider(await retrieveRegisteredProvider(ctx, ctx.query.id), {
    includeUpdates: ctx.query.includeUpdates,
  }),
  headers: { "cache-control": "no-store" },
}));
