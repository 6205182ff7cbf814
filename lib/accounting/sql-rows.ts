import type { SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";

/** Runs raw SQL and returns its rows (node-postgres and PGlite both answer `{rows}`). */
export async function sqlRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
