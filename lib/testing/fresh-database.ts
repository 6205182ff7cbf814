import { closeDb } from "@/lib/db/client";
import { createScratchDatabase } from "@/lib/db/scratch-database";

/**
 * For tests that need a table to themselves (exact totals over a whole table): on PostgreSQL, a new
 * database just for this test file; on PGlite each test file already has its own in-memory database.
 * Call in `beforeAll` before anything touches the database; the returned function drops it again.
 */
export async function useFreshDatabase(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) return async () => undefined;
  const scratch = await createScratchDatabase(url, "t");
  process.env.DATABASE_URL = scratch.url;
  return async () => {
    await closeDb();
    process.env.DATABASE_URL = url;
    await scratch.drop();
  };
}
