import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  createdWebhookOutput,
  createWebhookInput,
  listDeliveriesQuery,
  updateWebhookInput,
  updateWebhookSettingsInput,
  webhookDeliveryOutput,
  webhookOutput,
  webhookSettingsOutput,
} from "@/lib/webhooks/schemas";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const tags = ["Webhooks"];
const uuid = z.uuid("Not a valid id.");
const org = z.object({ id: uuid });
const hook = org.extend({ webhookId: uuid });

export const listWebhooksOperation = defineOperation({
  method: "GET",
  path: "/api/organisations/{id}/webhooks",
  dialect,
  summary: "An organisation's webhook endpoints (owners, managers, admins; support reads)",
  tags,
  auth: "required",
  params: org,
  response: z.array(webhookOutput),
});
export const createWebhookOperation = defineOperation({
  method: "POST",
  path: "/api/organisations/{id}/webhooks",
  dialect,
  summary:
    "Add a webhook endpoint; its signing secret is shown once. Private, loopback and link-local targets are refused unless an admin allows them",
  tags,
  auth: "required",
  params: org,
  body: createWebhookInput,
  response: createdWebhookOutput,
  successStatus: 201,
});
export const updateWebhookOperation = defineOperation({
  method: "PATCH",
  path: "/api/organisations/{id}/webhooks/{webhookId}",
  dialect,
  summary: "Change an endpoint's address, description or kinds, or pause it",
  tags,
  auth: "required",
  params: hook,
  body: updateWebhookInput,
  response: webhookOutput,
});
export const deleteWebhookOperation = defineOperation({
  method: "DELETE",
  path: "/api/organisations/{id}/webhooks/{webhookId}",
  dialect,
  summary: "Remove an endpoint with its deliveries",
  tags,
  auth: "required",
  params: hook,
  response: webhookOutput,
});
export const listWebhookDeliveriesOperation = defineOperation({
  method: "GET",
  path: "/api/organisations/{id}/webhooks/{webhookId}/deliveries",
  dialect,
  summary: "An endpoint's delivery log, newest first, with every attempt",
  tags,
  auth: "required",
  params: hook,
  query: listDeliveriesQuery,
  response: z.object({ items: z.array(webhookDeliveryOutput), total: z.number(), page: z.number(), size: z.number() }),
});
export const redeliverWebhookOperation = defineOperation({
  method: "POST",
  path: "/api/organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  dialect,
  summary: "Send a delivery again now, with the same webhook-id",
  tags,
  auth: "required",
  params: hook.extend({ deliveryId: uuid }),
  response: z.object({ id: z.uuid(), status: z.enum(["pending", "delivered", "failed"]) }),
  successStatus: 202,
});
export const getWebhookSettingsOperation = defineOperation({
  method: "GET",
  path: "/api/admin/webhook-settings",
  dialect,
  summary: "Whether webhooks may target private addresses (admin, support)",
  tags,
  auth: "required",
  response: webhookSettingsOutput,
});
export const updateWebhookSettingsOperation = defineOperation({
  method: "PUT",
  path: "/api/admin/webhook-settings",
  dialect,
  summary: "Allow or refuse webhook targets in private, loopback and link-local ranges (admin)",
  tags,
  auth: "required",
  body: updateWebhookSettingsInput,
  response: webhookSettingsOutput,
});

export const webhookPortalOperations = [
  listWebhooksOperation,
  createWebhookOperation,
  updateWebhookOperation,
  deleteWebhookOperation,
  listWebhookDeliveriesOperation,
  redeliverWebhookOperation,
  getWebhookSettingsOperation,
  updateWebhookSettingsOperation,
];
