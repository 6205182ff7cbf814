import { eq, inArray } from "drizzle-orm";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appSettings, auditEvents, providers } from "@/drizzle/schema";
import { getDb } from "@/lib/db/client";
import { call, createTestUser, unique } from "@/lib/testing/fixtures";
import { POST as importNow } from "@/app/accounting-system/admin/providers/import/route";
import { catalogueImportJob, claimCatalogueImport } from "./catalogue-job";
import { importCatalogueDocument, lastCatalogueImport, runCatalogueImport } from "./import-catalogue";

const ctx = { actor: null, correlationId: "test-import" };

describe("catalogue import", () => {
  it("inserts new providers with an empty creator_id, updates changed ones, never duplicates, leaves others' ids alone", async () => {
    const db = await getDb();
    const [a, b, taken] = [unique("ca"), unique("cb"), unique("taken")];
    await db.insert(providers).values({ id: taken, name: "Registered by hand", source: "argo", creatorId: "u1" });
    const doc = {
      total: 4,
      results: [
        { id: a, name: "A", website: "https://a.example/" },
        { provider: { id: b, name: "B", abbreviation: "BB" } },
        { id: taken, name: "Catalogue version" },
        { name: "no id" },
      ],
    };
    const first = await importCatalogueDocument(db, ctx, doc, "test");
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, skipped: [taken], invalid: [3] });
    const again = await importCatalogueDocument(db, ctx, doc, "test");
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await importCatalogueDocument(
      db,
      ctx,
      [
        { id: a, name: "A renamed", website: "https://a.example/" },
        { id: b, name: "B", abbreviation: "BB" },
      ],
      "test",
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    const rows = await db
      .select()
      .from(providers)
      .where(inArray(providers.id, [a, b, taken]));
    expect(rows).toHaveLength(3);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[a]).toMatchObject({ name: "A renamed", creatorId: "", source: "catalogue" });
    expect(byId[a].importedAt).toBeInstanceOf(Date);
    expect(byId[taken]).toMatchObject({ name: "Registered by hand", source: "argo" });
    expect((await lastCatalogueImport(db))?.updated).toBe(1);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.action, "catalogue.import"));
    expect(audits.some((e) => e.actorLabel.startsWith("system"))).toBe(true);
  });

  it("reads a configured file, refuses a broken one without writing anything", async () => {
    const db = await getDb();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portico-cat-"));
    const good = path.join(dir, "good.json");
    const id = unique("file");
    await fs.writeFile(good, JSON.stringify([{ id, name: "From a file" }]));
    expect((await runCatalogueImport(db, ctx, good)).created).toBe(1);
    const broken = path.join(dir, "broken.json");
    await fs.writeFile(broken, "{not json");
    await expect(runCatalogueImport(db, ctx, broken)).rejects.toThrow(/not valid JSON/);
    await expect(runCatalogueImport(db, ctx, path.join(dir, "missing.json"))).rejects.toThrow(/does not exist/);
    await expect(runCatalogueImport(db, ctx, JSON.stringify({ results: "x" }))).rejects.toThrow();
  });

  it("the daily job runs once per interval across processes; admins can import now over the API", async () => {
    const db = await getDb();
    await db.delete(appSettings).where(eq(appSettings.key, "catalogue:next-import"));
    const t0 = new Date("2030-01-01T00:00:00Z");
    expect(await claimCatalogueImport(db, t0)).toBe(true);
    expect(await claimCatalogueImport(db, new Date(t0.getTime() + 3_600_000))).toBe(false);
    expect(await claimCatalogueImport(db, new Date(t0.getTime() + 25 * 3_600_000))).toBe(true);
    await db.delete(appSettings).where(eq(appSettings.key, "catalogue:next-import"));
    await catalogueImportJob.run(db);
    const [esa] = await db.select().from(providers).where(eq(providers.id, "esa-int"));
    expect(esa).toMatchObject({ source: "catalogue", creatorId: "" });

    const member = await createTestUser();
    expect(
      (await call(importNow, "POST", "/accounting-system/admin/providers/import", { token: member.token })).status,
    ).toBe(403);
    const admin = await createTestUser({ role: "admin" });
    const res = await call(importNow, "POST", "/accounting-system/admin/providers/import", { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 200, created: 0, updated: 0, unchanged: 40 });
  });
});
