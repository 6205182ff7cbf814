import { randomUUID } from "node:crypto";
import { seedDemo } from "@/drizzle/seed";
import { config } from "@/lib/config";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { startBackgroundJobs } from "@/lib/jobs/background";
import { ensureAdmin } from "@/lib/users/ensure-admin";
import { databaseKind, getDb } from "./client";

/** At server start: migrate, seed the demo once, apply the PORTICO_ADMIN_* bootstrap, say how to log in. */
export async function bootstrap(): Promise<void> {
  // A mistyped proxy setting stops the start instead of failing every request.
  void config.trustedProxies;
  void config.trustedProxyHeader;
  const db = await getDb();
  const seeded = config.seedDemo ? await seedDemo(db) : [];
  if (config.adminEmail)
    await ensureAdmin(db, {
      email: config.adminEmail,
      password: config.adminPassword,
      token: config.adminToken,
      correlationId: randomUUID(),
    });
  const where =
    (await databaseKind()) === "pglite" ? `embedded PGlite at ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  const lines = [`Portico database: ${where}${seeded.length ? ` — demo seeded (${seeded.join(", ")})` : ""}`];
  if (config.seedDemo)
    lines.push(
      "Log in with one of the demo accounts:",
      ...DEMO_ACCOUNTS.map((a) => `  ${a.what.padEnd(42)} ${a.email} / ${a.password}`),
    );
  if (config.adminEmail) lines.push(`  admin from PORTICO_ADMIN_EMAIL: ${config.adminEmail}`);
  console.log(lines.join("\n"));
  startBackgroundJobs(db);
}
