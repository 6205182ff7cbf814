import { describe, expect, it } from "vitest";
import { marketplaceCategories, offerings } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { createTestOrganisation, createTestUser, unique } from "@/lib/testing/fixtures";
import { attentionItems } from "./attention";

describe("dashboard attention", () => {
  it("shows a provider admin the Draft offerings of their own organisations only", async () => {
    const db = await getDb();
    const a = await createTestUser();
    const b = await createTestUser();
    const orgA = await createTestOrganisation(a.user.id);
    await createTestOrganisation(b.user.id);
    const before = (await attentionItems(db, a.actor)).find((i) => i.key === "drafts")?.count ?? 0;
    const [category] = await db.insert(marketplaceCategories).values({ title: unique("category") }).returning();
    await db.insert(offerings).values({ slug: `att-${a.user.username}`, name: "Attention test", organisationId: orgA.id, categoryId: category.id, type: "Marketplace.Slurm" });
    expect((await attentionItems(db, a.actor)).find((i) => i.key === "drafts")?.count).toBe(before + 1);
    expect((await attentionItems(db, b.actor)).find((i) => i.key === "drafts")).toBeUndefined();
  });

  it("shows a member without organisations to run nothing, and staff the federation", async () => {
    const db = await getDb();
    const m = await createTestUser();
    expect(await attentionItems(db, m.actor)).toEqual([]);
    const admin = await createTestUser({ role: "admin" });
    await expect(attentionItems(db, admin.actor)).resolves.toBeInstanceOf(Array);
  });
});
