import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import { marketplaceCategories, type MarketplaceCategoryRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";

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

export async function listCategories(
  db: Executor,
  filter: { title?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: CategoryWithCounts[]; total: number }> {
  const cond = filter.title
    ? ilike(marketplaceCategories.title, `%${filter.title.replace(/[\\%_]/g, (c) => "\\" + c)}%`)
    : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ category: marketplaceCategories, ...counts })
      .from(marketplaceCategories)
      .where(and(cond))
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
