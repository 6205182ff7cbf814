import path from "node:path";

/** drizzle-kit's output, applied at start by lib/db/migrate.ts and checked by scripts/check-migrations.mjs. */
export const migrationsFolder = () => path.join(process.cwd(), "drizzle", "migrations");
