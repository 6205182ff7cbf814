import { like } from "drizzle-orm";
import { organisations, type OrganisationRow } from "@/drizzle/schema";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { nextSlug, startsWith } from "@/lib/offerings/slug";

type NewOrganisation = { name: string; abbreviation?: string; email?: string; country?: string };

/**
 * Inserts an organisation under the first free Waldur slug. Two inserts may pick the same slug at
 * once (names sharing their first 8 characters): the loser retries under a savepoint with the next one.
 */
export async function insertOrganisation(tx: Tx, values: NewOrganisation): Promise<OrganisationRow> {
  for (let attempt = 0; ; attempt++) {
    const slug = await nextSlug(values.name, async (p) =>
      (
        await tx
          .select({ slug: organisations.slug })
          .from(organisations)
          .where(like(organisations.slug, startsWith(p)))
      ).map((r) => r.slug),
    );
    try {
      return await tx.transaction(
        async (sp) =>
          (
            await sp
              .insert(organisations)
              .values({ ...values, slug })
              .returning()
          )[0],
      );
    } catch (e) {
      if (attempt >= 4 || !isUniqueViolation(e)) throw e;
    }
  }
}
