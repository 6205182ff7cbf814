// npm run db:seed — run the demo seed steps that have not run yet, and exit.
import { seedDemo } from "../drizzle/seed";
import { closeDb, getDb } from "../lib/db/client";

const ran = await seedDemo(await getDb());
await closeDb();
console.log(ran.length ? `Seeded: ${ran.join(", ")}` : "The demo was already seeded.");
