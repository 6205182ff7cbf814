import fs from "node:fs";
import * as schema from "@/drizzle/schema";
import { config } from "@/lib/config";
import { instanceId, instanceLockKey } from "./instance";
import type { Db } from "./types";

export type { Db, Tx, Executor } from "./types";

type Handle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

const cache = globalThis as unknown as { __portico_db?: Promise<Handle> };

async function openPglite(dir: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

async function openPostgres(url: string): Promise<Handle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: Number(process.env.PORTICO_DB_POOL_SIZE || 10) });
  const liveness = await holdInstanceLock(url);
  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "postgres",
    close: async () => void (await Promise.all([pool.end(), liveness.end().catch(() => undefined)])),
  };
}

/**
 * A dedicated connection holding this process's instance lock for as long as the process lives: when the
 * process dies, so does the connection, and PostgreSQL releases the lock (see lib/db/instance.ts).
 */
async function holdInstanceLock(url: string) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url, application_name: `portico ${instanceId()}` });
  client.on("error", (e) =>
    console.error(JSON.stringify({ level: "error", msg: "instance liveness connection lost", error: e.message })),
  );
  await client.connect();
  // Never blocks: should an earlier handle of this same process still hold it, that one vouches for us.
  const { rows } = await client.query("select pg_try_advisory_lock($1::bigint) as got", [
    instanceLockKey(instanceId()),
  ]);
  if (!rows[0]?.got)
    console.error(JSON.stringify({ level: "warn", msg: "instance lock already held", instance: instanceId() }));
  return client;
}

async function open(): Promise<Handle> {
  const { migratePglite, migratePostgres } = await import("./migrate");
  const url = config.databaseUrl;
  if (url) {
    await migratePostgres(url);
    return openPostgres(url);
  }
  const handle = await openPglite(config.dataDir);
  await migratePglite(handle.db);
  return handle;
}

/** The process-wide database (one PGlite per data directory per process), migrated on first use. */
export async function getDb(): Promise<Db> {
  cache.__portico_db ??= open().catch((e) => {
    cache.__portico_db = undefined;
    throw e;
  });
  return (await cache.__portico_db).db;
}

export async function databaseKind(): Promise<Handle["kind"]> {
  await getDb();
  return (await cache.__portico_db!).kind;
}

export async function closeDb(): Promise<void> {
  const h = cache.__portico_db;
  cache.__portico_db = undefined;
  if (h) await (await h).close();
}
