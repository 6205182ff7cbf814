import { inArray, sql } from "drizzle-orm";
import { appSettings, providers } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { config } from "@/lib/config";
import type { Db, Executor } from "@/lib/db/client";
import { catalogueProvider, catalogueRecords, fetchCatalogue } from "./catalogue-source";

export type CatalogueImportSummary = {
  source: string;
  at: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Records whose id belongs to a provider registered another way: left alone. */
  skipped: string[];
  /** Records that are not a usable provider (no id or name…), by position. */
  invalid: number[];
};

export const LAST_IMPORT_KEY = "catalogue:last-import";
const FIELDS = ["name", "website", "abbreviation", "logo"] as const;

/**
 * Upserts the catalogue's providers by id in one transaction: new ones are inserted with an empty
 * creator_id, changed ones updated, identical ones left as they are; repeated imports never duplicate.
 */
export async function importCatalogueDocument(
  db: Executor,
  ctx: Pick<ServiceContext, "actor" | "correlationId">,
  doc: unknown,
  source: string,
): Promise<CatalogueImportSummary> {
  const summary: CatalogueImportSummary = {
    source,
    at: new Date().toISOString(),
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: [],
    invalid: [],
  };
  const records = new Map<
    string,
    { id: string; name: string; website: string; abbreviation: string; logo: string; raw: Record<string, unknown> }
  >();
  catalogueRecords(doc).forEach((r, i) => {
    const p = catalogueProvider.safeParse(r);
    if (!p.success) return void summary.invalid.push(i);
    const { id, name, website, abbreviation, logo } = p.data;
    records.set(id, {
      id,
      name,
      website: website ?? "",
      abbreviation: abbreviation ?? "",
      logo: logo ?? "",
      raw: p.data,
    });
  });
  return (db as Db).transaction(async (tx) => {
    const ids = [...records.keys()];
    const existing = new Map(
      (ids.length ? await tx.select().from(providers).where(inArray(providers.id, ids)).for("update") : []).map((p) => [
        p.id,
        p,
      ]),
    );
    const now = new Date();
    for (const rec of records.values()) {
      const cur = existing.get(rec.id);
      const values = {
        name: rec.name,
        website: rec.website,
        abbreviation: rec.abbreviation,
        logo: rec.logo,
        catalogueRecord: rec.raw,
        importedAt: now,
      };
      if (!cur) {
        await tx.insert(providers).values({ id: rec.id, ...values, creatorId: "", source: "catalogue" });
        summary.created++;
      } else if (cur.source !== "catalogue") {
        summary.skipped.push(rec.id);
      } else if (FIELDS.some((f) => cur[f] !== rec[f])) {
        await tx
          .update(providers)
          .set({ ...values, updatedAt: now })
          .where(sql`${providers.pk} = ${cur.pk}`);
        summary.updated++;
      } else {
        await tx
          .update(providers)
          .set({ importedAt: now, catalogueRecord: rec.raw })
          .where(sql`${providers.pk} = ${cur.pk}`);
        summary.unchanged++;
      }
    }
    await saveLastImport(tx, summary);
    await recordAudit(tx, ctx, {
      action: "catalogue.import",
      entityType: "catalogue",
      entityId: source,
      actorLabel: ctx.actor ? undefined : "system (daily catalogue import)",
      summary: {
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        skipped: summary.skipped.length,
        invalid: summary.invalid.length,
      },
    });
    return summary;
  });
}

async function saveLastImport(tx: Executor, summary: CatalogueImportSummary) {
  await tx
    .insert(appSettings)
    .values({ key: LAST_IMPORT_KEY, value: summary })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: summary, updatedAt: new Date() } });
}

/** Fetches the configured catalogue and imports it (the job and the admin "import now"). */
export async function runCatalogueImport(
  db: Db,
  ctx: Pick<ServiceContext, "actor" | "correlationId">,
  source = config.catalogueUrl,
): Promise<CatalogueImportSummary> {
  return importCatalogueDocument(db, ctx, await fetchCatalogue(source), source);
}

/** Admin: import the catalogue now. */
export async function importCatalogueNow(ctx: ServiceContext): Promise<CatalogueImportSummary> {
  requireRole(ctx.actor, "admin");
  return runCatalogueImport(ctx.db, ctx);
}

export async function lastCatalogueImport(db: Executor): Promise<CatalogueImportSummary | null> {
  const [row] = await db
    .select()
    .from(appSettings)
    .where(sql`${appSettings.key} = ${LAST_IMPORT_KEY}`);
  return (row?.value as CatalogueImportSummary | undefined) ?? null;
}
