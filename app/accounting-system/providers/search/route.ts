// POST /accounting-system/providers/search — the JSON search DSL, compiled to one parameterised query, paged
import { argoPage } from "@/lib/dialects/argo/paging";
import { searchProvidersOperation } from "@/lib/dialects/argo/provider-operations";
import { toArgoSearchProvider } from "@/lib/dialects/argo/providers";
import { AppError } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { canSearchProviders } from "@/lib/providers/access-queries";
import { searchProviders } from "@/lib/providers/queries";

export const POST = handle(searchProvidersOperation, async ({ req, db, actor, body, query }) => {
  if (!(await canSearchProviders(db, actor)))
    throw new AppError("forbidden", "Searching Providers needs a role with the Provider ACL permission.");
  const { rows, total } = await searchProviders(db, body, query);
  return { body: argoPage(req, query, total, rows.map(toArgoSearchProvider)) };
});
