import { sql } from "drizzle-orm";
import { migrationsFolder } from "./migrations-folder";
import type { Db } from "./types";

// Several server processes may start at once on one PostgreSQL: an advisory lock, held on one
// dedicated connection, serialises their migrations.
const MIGRATION_LOCK = 7_305_001;

export async function migratePglite(db: Db): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(db as never, { migrationsFolder: migrationsFolder() });
}

export async function migratePostgres(url: string): Promise<void> {
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(db, { migrationsFolder: migrationsFolder() });
  } finally {
    await client.end();
  }
}
