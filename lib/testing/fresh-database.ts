import { randomUUID } from "node:crypto";
import { closeDb } from "@/lib/db/client";

/**
 * For tests that need a table to themselves (exact totals over a whole table): on PostgreSQL, a new
 * database just for this test file; on PGlite each test file already has its own in-memory database.
 * Call in `beforeAll` before anything touches the database; the returned function drops it again.
 */
export async function useFreshDatabase(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) return async () => undefined;
  const { Client } = await import("pg");
  const u = new URL(url);
  const name = `${u.pathname.slice(1)}_t${randomUUID().slice(0, 8)}`.replace(/[^\w]/g, "_");
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
  return async () => {
    await closeDb();
    process.env.DATABASE_URL = url;
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.end();
  };
}
