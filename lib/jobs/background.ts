import type { Db } from "@/lib/db/types";
import { backgroundJobs } from "./all-jobs";
import { errorForLog } from "@/lib/errors/log";

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
        console.error(
          JSON.stringify({ level: "error", job: job.name, msg: "background job failed", error: errorForLog(e) }),
        );
      } finally {
        running = false;
      }
    };
    setInterval(tick, job.intervalMs).unref();
    setTimeout(tick, 1000).unref();
  }
}
