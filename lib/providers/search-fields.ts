import { sql } from "drizzle-orm";
import { providers } from "@/drizzle/schema";
import type { SqlFieldMap } from "@/lib/search/compile-search";
import type { FieldType } from "@/lib/search/types";

/** The allow-list of fields the search DSL may touch on providers, with their types and columns. */
export const PROVIDER_SEARCH_FIELDS: Record<string, FieldType> = {
  id: "text",
  name: "text",
  website: "text",
  abbreviation: "text",
  logo: "text",
  creator_id: "text",
  source: "text",
  created_at: "date",
  updated_at: "date",
  imported_at: "date",
};

export const PROVIDER_SQL_FIELDS: SqlFieldMap = {
  id: sql`${providers.id}`,
  name: sql`${providers.name}`,
  website: sql`${providers.website}`,
  abbreviation: sql`${providers.abbreviation}`,
  logo: sql`${providers.logo}`,
  creator_id: sql`${providers.creatorId}`,
  source: sql`${providers.source}::text`,
  created_at: sql`${providers.createdAt}`,
  updated_at: sql`${providers.updatedAt}`,
  imported_at: sql`${providers.importedAt}`,
};
