import type { BackgroundJob } from "@/lib/jobs/background-job";
import { deliverDueMails } from "./deliver-mail";

export const mailDeliveryJob: BackgroundJob = {
  name: "mail-delivery",
  intervalMs: Number(process.env.PORTICO_MAIL_POLL_MS || 5_000),
  run: async (db) => void (await deliverDueMails(db, { limit: 20 })),
};
