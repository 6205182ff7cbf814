import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

// Bookkeeping that legitimately changes while requests are refused: rate-limit windows, idempotency
// claims, a token's last use.
const IGNORED_TABLES = new Set(["rate_limit_windows", "idempotency_keys", "__drizzle_migrations"]);
const IGNORED_COLUMNS: Record<string, string[]> = { api_tokens: ["last_used_at"] };

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** An md5 over every row of every application table, to prove a run wrote nothing. */
export async function databaseChecksum(db: Db): Promise<Record<string, string>> {
  const tables = rows<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  ).map((t) => t.table_name);
  const out: Record<string, string> = {};
  for (const table of tables.filter((t) => !IGNORED_TABLES.has(t))) {
    const cols = rows<{ column_name: string }>(
      await db.execute(
        sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
      ),
    )
      .map((c) => c.column_name)
      .filter((c) => !(IGNORED_COLUMNS[table] ?? []).includes(c));
    const list = sql.raw(cols.map((c) => `"${c}"`).join(", "));
    const [r] = rows<{ n: number; h: string | null }>(
      await db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from (select ${list} from ${sql.identifier(table)}) x`,
      ),
    );
    out[table] = `${r.n}:${r.h}`;
  }
  return out;
}
