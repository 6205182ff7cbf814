import type { BackgroundJob } from "@/lib/jobs/background-job";
import { deliverDueWelcomes } from "./welcome-outbox";

export const welcomeDeliveryJob: BackgroundJob = {
  name: "welcome-delivery",
  intervalMs: Number(process.env.PORTICO_WELCOME_POLL_MS || 5_000),
  run: async (db) => void (await deliverDueWelcomes(db, { limit: 20 })),
};
