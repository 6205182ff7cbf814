import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { appSettings } from "@/drizzle/schema";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import type { BackgroundJob } from "@/lib/jobs/background-job";
import { runCatalogueImport } from "./import-catalogue";

const CLAIM_KEY = "catalogue:next-import";

/**
 * Claims today's import: one process wins the conditional upsert of the claim row (its timestamp
 * moves forward only when the last claim is older than the interval), the others see no row.
 */
export async function claimCatalogueImport(db: Db, now = new Date()): Promise<boolean> {
  const hours = config.catalogueImportHours;
  const claimed = await db
    .insert(appSettings)
    .values({ key: CLAIM_KEY, value: { claimedAt: now.toISOString() }, updatedAt: now })
    .onConflictDoUpdate({
      target: appSettings.key,
      set: { value: { claimedAt: now.toISOString() }, updatedAt: now },
      setWhere: sql`${appSettings.updatedAt} <= ${new Date(now.getTime() - hours * 3_600_000).toISOString()}::timestamptz`,
    })
    .returning();
  return claimed.length > 0;
}

/** The daily catalogue import (checked every 15 minutes; runs once per interval across all processes). */
export const catalogueImportJob: BackgroundJob = {
  name: "catalogue-import",
  intervalMs: 15 * 60_000,
  run: async (db) => {
    if (!(await claimCatalogueImport(db))) return;
    const summary = await runCatalogueImport(db, { actor: null, correlationId: randomUUID() });
    console.log(
      JSON.stringify({
        level: "info",
        job: "catalogue-import",
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
      }),
    );
  },
};
