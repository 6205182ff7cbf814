import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  listNotificationsQuery,
  markNotificationInput,
  notificationOutput,
  notificationPreferencesOutput,
  notificationsPage,
  readAllOutput,
  updateNotificationPreferencesInput,
} from "@/lib/notifications/schemas";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const tags = ["Notifications"];

export const listNotificationsOperation = defineOperation({
  method: "GET",
  path: "/api/notifications",
  dialect,
  summary: "Your notifications (the inbox), newest first, with the unread count",
  tags,
  auth: "required",
  query: listNotificationsQuery,
  response: notificationsPage,
});
export const markNotificationOperation = defineOperation({
  method: "PATCH",
  path: "/api/notifications/{id}",
  dialect,
  summary: "Mark one of your notifications read or unread",
  tags,
  auth: "required",
  params: z.object({ id: z.uuid("Not a valid id.") }),
  body: markNotificationInput,
  response: notificationOutput,
});
export const readAllNotificationsOperation = defineOperation({
  method: "POST",
  path: "/api/notifications/read-all",
  dialect,
  summary: "Mark all your notifications read",
  tags,
  auth: "required",
  response: readAllOutput,
});
export const getNotificationPreferencesOperation = defineOperation({
  method: "GET",
  path: "/api/me/notification-preferences",
  dialect,
  summary: "Which kinds of event e-mail you (the inbox always has them)",
  tags,
  auth: "required",
  response: notificationPreferencesOutput,
});
export const updateNotificationPreferencesOperation = defineOperation({
  method: "PUT",
  path: "/api/me/notification-preferences",
  dialect,
  summary: "Turn e-mail on or off per kind of event; kinds left out keep their setting",
  tags,
  auth: "required",
  body: updateNotificationPreferencesInput,
  response: notificationPreferencesOutput,
});

export const notificationPortalOperations = [
  listNotificationsOperation,
  markNotificationOperation,
  readAllNotificationsOperation,
  getNotificationPreferencesOperation,
  updateNotificationPreferencesOperation,
];
