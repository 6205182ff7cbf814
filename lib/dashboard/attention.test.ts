import { describe, expect, it } from "vitest";
import { marketplaceCategories, offerings, providers, welcomeOutbox } from "@/drizzle/schema";
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
    const [category] = await db
      .insert(marketplaceCategories)
      .values({ title: unique("category") })
      .returning();
    await db.insert(offerings).values({
      slug: `att-${a.user.username}`,
      name: "Attention test",
      organisationId: orgA.id,
      categoryId: category.id,
      type: "Marketplace.Slurm",
    });
    expect((await attentionItems(db, a.actor)).find((i) => i.key === "drafts")?.count).toBe(before + 1);
    expect((await attentionItems(db, b.actor)).find((i) => i.key === "drafts")).toBeUndefined();
  });

  it("sends a provider admin with one failing welcome delivery to that provider's Registration tab, and with two to the registered providers", async () => {
    const db = await getDb();
    const a = await createTestUser();
    const org = await createTestOrganisation(a.user.id);
    const provider = async () =>
      (
        await db
          .insert(providers)
          .values({
            id: unique("att-reg"),
            source: "registration",
            organisationId: org.id,
            domain: "im.example.org",
            https: true,
          })
          .returning()
      )[0];
    const failing = (p: { pk: string }) =>
      db.insert(welcomeOutbox).values({
        providerPk: p.pk,
        url: "https://im.example.org/welcome",
        payloadCiphertext: "x",
        status: "failed",
        attempts: 8,
        maxAttempts: 8,
      });
    const first = await provider();
    await failing(first);
    await failing(first);
    expect((await attentionItems(db, a.actor)).find((i) => i.key === "deliveries")).toMatchObject({
      count: 2,
      href: `/providers/${first.id}?tab=registration`,
    });
    await failing(await provider());
    expect((await attentionItems(db, a.actor)).find((i) => i.key === "deliveries")).toMatchObject({
      count: 3,
      href: "/providers?source=registration",
    });
  });

  it("shows a member without organisations to run nothing, and staff the federation", async () => {
    const db = await getDb();
    const m = await createTestUser();
    expect(await attentionItems(db, m.actor)).toEqual([]);
    const admin = await createTestUser({ role: "admin" });
    await expect(attentionItems(db, admin.actor)).resolves.toBeInstanceOf(Array);
  });
});
