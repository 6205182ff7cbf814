import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { providerAccessGrants, providers } from "@/drizzle/schema";
import { seedDemo } from "@/drizzle/seed";
import { getDb } from "@/lib/db/client";
import { useFreshDatabase } from "@/lib/testing/fresh-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useFreshDatabase();
});
afterAll(async () => drop());

describe("registry demo seed", () => {
  it("imports the sample catalogue and registers the demo providers and grants, once", async () => {
    const db = await getDb();
    expect(await seedDemo(db)).toContain("registry");
    const ids = (await db.select({ id: providers.id, source: providers.source }).from(providers)).map(
      (p) => `${p.id}:${p.source}`,
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        "esa-int:catalogue",
        "sites:catalogue",
        "osmooc:catalogue",
        "nordic-hpc:portal",
        "nordic-storage:argo",
      ]),
    );
    expect(ids.filter((i) => i.endsWith(":catalogue"))).toHaveLength(40);
    const [{ g }] = await db.select({ g: count() }).from(providerAccessGrants);
    expect(Number(g)).toBeGreaterThanOrEqual(2);
    expect(await seedDemo(db)).toEqual([]);
  });
});
