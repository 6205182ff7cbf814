import type { BackgroundJob } from "@/lib/jobs/background-job";
import { deliverDueWebhooks } from "./deliver-webhooks";

export const webhookDeliveryJob: BackgroundJob = {
  name: "webhook-delivery",
  intervalMs: Number(process.env.PORTICO_WEBHOOK_POLL_MS || 5_000),
  run: async (db) => void (await deliverDueWebhooks(db, { limit: 20 })),
};
