import type { Db } from "@/lib/db/client";
import { welcomeDeliveryJob } from "@/lib/registration/jobs";
import { catalogueImportJob } from "@/lib/providers/catalogue-job";
import { errorForLog } from "@/lib/errors/log";

/**
 * A periodic job run by every server process. Jobs keep their state in PostgreSQL and must be safe
 * to run in several processes at once (FOR UPDATE SKIP LOCKED, advisory locks, or last-run rows).
 */
export type BackgroundJob = { name: string; intervalMs: number; run: (db: Db) => Promise<void> };

// Each area appends its jobs here (outbox delivery, catalogue import, rollups…).
export const backgroundJobs: BackgroundJob[] = [welcomeDeliveryJob, catalogueImportJob];

const state = globalThis as unknown as { __portico_jobs?: boolean };

/** Starts every job's loop once per process; PORTICO_BACKGROUND_JOBS=off disables them (tests). */
export function startBackgroundJobs(db: Db): void {
  if (state.__portico_jobs || process.env.PORTICO_BACKGROUND_JOBS === "off") return;
  state.__portico_jobs = true;
  for (const job of backgroundJobs) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(db);
      } catch (e) {
        console.error(JSON.stringify({ level: "error", job: job.name, msg: "background job failed", error: errorForLog(e) }));
      } finally {
        running = false;
      }
    };
    setInterval(tick, job.intervalMs).unref();
    setTimeout(tick, 1000).unref();
  }
}
