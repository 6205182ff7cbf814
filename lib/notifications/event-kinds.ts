/**
 * Every kind of event Portico tells people about, with who hears it (the same rules as the pages that show
 * the thing: see lib/notifications/resolve-recipients.ts) and how the profile's preferences name it.
 */
export const EVENT_KINDS = {
  "registration.requested": { label: "A provider asks to register", audience: "federation admins" },
  "registration.signed": { label: "A registration request was signed", audience: "federation admins" },
  "registration.approved": { label: "Your provider registration was approved", audience: "the request's signer" },
  "registration.rejected": { label: "Your provider registration was rejected", audience: "the request's signer" },
} as const;

export type EventKind = keyof typeof EVENT_KINDS;
export const eventKinds = Object.keys(EVENT_KINDS) as EventKind[];
