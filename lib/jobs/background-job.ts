import type { Db } from "@/lib/db/types";

/**
 * A periodic job run by every server process. Jobs keep their state in PostgreSQL and must be safe
 * to run in several processes at once (FOR UPDATE SKIP LOCKED, advisory locks, or last-run rows).
 */
export type BackgroundJob = { name: string; intervalMs: number; run: (db: Db) => Promise<void> };
