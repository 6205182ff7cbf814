import { eq } from "drizzle-orm";
import { marketplaceCategories, organisations, providers } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import type { FieldErrors } from "@/lib/errors/app-error";
import { NO_SUCH_OBJECT, NO_URL_MATCH, parseReference } from "./refs";

/** Turns `customer` / `category` URLs (or uuids) and a provider id into row ids, collecting field errors. */
export async function resolveReferences(
  db: Executor,
  refs: { customer?: string; category?: string; provider?: string | null },
  errors: FieldErrors,
): Promise<{ organisationId?: string; categoryId?: string; providerPk?: string | null }> {
  const out: { organisationId?: string; categoryId?: string; providerPk?: string | null } = {};
  if (refs.customer !== undefined) {
    const id = parseReference(refs.customer, "customers");
    const [row] = id
      ? await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id))
      : [];
    if (!id) errors.customer = [NO_URL_MATCH];
    else if (!row) errors.customer = [NO_SUCH_OBJECT];
    else out.organisationId = row.id;
  }
  if (refs.category !== undefined) {
    const id = parseReference(refs.category, "marketplace-categories");
    const [row] = id
      ? await db
          .select({ id: marketplaceCategories.id })
          .from(marketplaceCategories)
          .where(eq(marketplaceCategories.id, id))
      : [];
    if (!id) errors.category = [NO_URL_MATCH];
    else if (!row) errors.category = [NO_SUCH_OBJECT];
    else out.categoryId = row.id;
  }
  if (refs.provider === null) out.providerPk = null;
  else if (refs.provider !== undefined) {
    const [row] = await db.select({ pk: providers.pk }).from(providers).where(eq(providers.id, refs.provider));
    if (!row) errors.provider = ["No provider with this id."];
    else out.providerPk = row.pk;
  }
  return out;
}
