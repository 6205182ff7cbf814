// GET /api/providers/browse — the caller's registered providers (admin: all), UCloud PageV2 with a `next` cursor
import { browseProvidersOperation } from "@/lib/dialects/ucloud/operations";
import { toUcloudProvider } from "@/lib/dialects/ucloud/providers";
import { handle } from "@/lib/http/handle";
import { browseRegisteredProviderPage } from "@/lib/registration/browse-registered-providers";

export const GET = handle(browseProvidersOperation, async (ctx) => {
  const { query } = ctx;
  const page = await browseRegisteredProviderPage(ctx, {
    after: query.next ? Number(query.next) : 0,
    itemsPerPage: query.itemsPerPage,
  });
  return {
    body: {
      itemsPerPage: query.itemsPerPage,
      items: page.items.map((p) => toUcloudProvider(p, { includeUpdates: query.includeUpdates })),
      next: page.next,
    },
    headers: { "cache-control": "no-store" },
  };
});
