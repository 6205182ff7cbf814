import { and, asc, count, eq, exists, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { marketplaceCategories, offerings, type MarketplaceCategoryRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { containsPattern } from "@/lib/db/like-pattern";

export type CategoryWithCounts = MarketplaceCategoryRow & { offeringCount: number; availableOfferingsCount: number };

const counts = {
  offeringCount:
    sql<number>`(select count(*) from offerings o where o.category_id = "marketplace_categories"."id" and o.state in ('Active', 'Paused'))`.mapWith(
      Number,
    ),
  availableOfferingsCount:
    sql<number>`(select count(*) from offerings o where o.category_id = "marketplace_categories"."id" and o.state = 'Active')`.mapWith(
      Number,
    ),
};

export type CategoryFilter = {
  /** Title contains (case-insensitive). */
  title?: string;
  /** Categories with an Active or Paused offering of this organisation. */
  organisationId?: string;
  /** Categories with an Active or Paused offering whose name contains this. */
  offeringName?: string;
};

/** Categories, filtered as Waldur filters them; only public (Active, Paused) offerings count for the filters. */
export async function listCategories(
  db: Executor,
  filter: CategoryFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: CategoryWithCounts[]; total: number }> {
  const withOffering = (where: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(offerings)
        .where(
          and(
            eq(offerings.categoryId, marketplaceCategories.id),
            inArray(offerings.state, ["Active", "Paused"]),
            where,
          ),
        ),
    );
  const cond = and(
    filter.title ? ilike(marketplaceCategories.title, containsPattern(filter.title)) : undefined,
    filter.organisationId ? withOffering(eq(offerings.organisationId, filter.organisationId)) : undefined,
    filter.offeringName ? withOffering(ilike(offerings.name, containsPattern(filter.offeringName))) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ category: marketplaceCategories, ...counts })
      .from(marketplaceCategories)
      .where(cond)
      .orderBy(asc(marketplaceCategories.title))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(marketplaceCategories).where(cond),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r.category,
      offeringCount: r.offeringCount,
      availableOfferingsCount: r.availableOfferingsCount,
    })),
    total,
  };
}

export async function findCategory(db: Executor, id: string): Promise<CategoryWithCounts | undefined> {
  const [r] = await db
    .select({ category: marketplaceCategories, ...counts })
    .from(marketplaceCategories)
    .where(eq(marketplaceCategories.id, id));
  return r && { ...r.category, offeringCount: r.offeringCount, availableOfferingsCount: r.availableOfferingsCount };
}

export async function allCategories(db: Executor): Promise<MarketplaceCategoryRow[]> {
  return db.select().from(marketplaceCategories).orderBy(asc(marketplaceCategories.title));
}
