import type { BackgroundJob } from "./background-job";
import { welcomeDeliveryJob } from "@/lib/registration/jobs";
import { catalogueImportJob } from "@/lib/providers/catalogue-job";
import { mailDeliveryJob } from "@/lib/mail/jobs";
import { webhookDeliveryJob } from "@/lib/webhooks/jobs";
import { registrationExpiryJob } from "@/lib/registration/expiry";
import { tokenExpiryJob } from "@/lib/tokens/expiring";

// Each area registers its jobs here (outbox delivery, catalogue import, rollups…).
export const backgroundJobs: BackgroundJob[] = [
  welcomeDeliveryJob,
  catalogueImportJob,
  mailDeliveryJob,
  webhookDeliveryJob,
  registrationExpiryJob,
  tokenExpiryJob,
];
