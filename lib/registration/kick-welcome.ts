import type { Db } from "@/lib/db/client";
import { deliverDueWelcomes } from "./welcome-outbox";
import { errorForLog } from "@/lib/errors/log";

/** Right after an approval commits, try the welcome at once instead of waiting for the next poll. */
export function kickWelcomeDelivery(db: Db, outboxId: string): void {
  if (process.env.PORTICO_BACKGROUND_JOBS === "off") return; // tests drive the outbox themselves
  void deliverDueWelcomes(db, { onlyId: outboxId, limit: 1 }).catch((e) =>
    console.error(JSON.stringify({ level: "error", msg: "welcome delivery failed", outboxId, error: errorForLog(e) })),
  );
}
