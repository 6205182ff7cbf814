// npm run db:migrate — apply migrations to DATABASE_URL (or the embedded database) and exit.
import { closeDb, getDb } from "../lib/db/client";

await getDb();
await closeDb();
console.log("Migrations applied.");
