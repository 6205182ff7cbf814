import { sql } from "drizzle-orm";
import { marketplaceCategories, type MarketplaceCategoryRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { createCategoryInput, type CreateCategoryInput } from "./schemas";

/** Staff add a marketplace category; titles are unique regardless of case. */
export async function createCategory(ctx: ServiceContext, input: CreateCategoryInput): Promise<MarketplaceCategoryRow> {
  requireRole(ctx.actor, "admin");
  const data = parseWith(createCategoryInput, input);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: marketplaceCategories.id })
      .from(marketplaceCategories)
      .where(sql`lower(${marketplaceCategories.title}) = ${data.title.toLowerCase()}`);
    if (clash)
      throw new AppError("validation", "Category exists.", { title: ["Category with this title already exists."] });
    const [row] = await tx.insert(marketplaceCategories).values(data).returning();
    await recordAudit(tx, ctx, {
      action: "category.create",
      entityType: "marketplace_category",
      entityId: row.id,
      summary: { title: row.title },
    });
    return row;
  });
}
