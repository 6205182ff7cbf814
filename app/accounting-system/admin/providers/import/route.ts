// POST /accounting-system/admin/providers/import — admin imports the provider catalogue now
import { importCatalogueOperation } from "@/lib/dialects/argo/provider-operations";
import { handle } from "@/lib/http/handle";
import { importCatalogueNow } from "@/lib/providers/import-catalogue";

export const POST = handle(importCatalogueOperation, async (ctx) => {
  const s = await importCatalogueNow(ctx);
  return {
    body: {
      code: 200,
      message: `Catalogue imported: ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged.`,
      ...s,
    },
  };
});
