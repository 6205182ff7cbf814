import * as schema from "@/drizzle/schema";
import { closeDb, getDb, type Db } from "@/lib/db/client";

/**
 * Another way into the same database, as a second server process would have: on PostgreSQL a pool of its
 * own (closed by the returned `end`), on PGlite the one in-process database.
 */
export async function otherPool(): Promise<{ db: Db; end: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { db: await getDb(), end: async () => undefined };
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 4 });
  return { db: drizzle(pool, { schema }) as unknown as Db, end: () => pool.end() };
}

/** A process restart: on PostgreSQL the pool is closed and a new one opened; on PGlite nothing changes. */
export async function restartDb(db: Db): Promise<Db> {
  if (!process.env.DATABASE_URL) return db;
  await closeDb();
  return getDb();
}
