/**
 * Every kind of event Portico tells people about, with who hears it (the same rules as the pages that show
 * the thing: see lib/notifications/resolve-recipients.ts) and how the profile's preferences name it.
 */
export const EVENT_KINDS = {
  "registration.requested": { label: "A provider asks to register", audience: "federation admins" },
  "registration.signed": { label: "A registration request was signed", audience: "federation admins" },
  "registration.approved": { label: "Your provider registration was approved", audience: "the request's signer" },
  "registration.rejected": { label: "Your provider registration was rejected", audience: "the request's signer" },
  "registration.expired": {
    label: "A provider registration expired undecided",
    audience: "the request's signer (and federation admins when it was signed)",
  },
  "offering.activated": {
    label: "An offering you manage was activated",
    audience:
      "an offering's managers (its organisation's owners and managers, offering managers, its provider's owners)",
  },
  "offering.paused": {
    label: "An offering you manage was paused",
    audience:
      "an offering's managers (its organisation's owners and managers, offering managers, its provider's owners)",
  },
  "offering.archived": {
    label: "An offering you manage was archived",
    audience:
      "an offering's managers (its organisation's owners and managers, offering managers, its provider's owners)",
  },
  "usage.over_capacity": {
    label: "An installation used more than its capacity",
    audience: "a provider's owners (its owner, its creator, its organisation's owners and managers)",
  },
  "welcome.failing": {
    label: "A provider's welcome delivery keeps failing",
    audience: "the registration's signer and the provider's owners (its organisation's owners and managers)",
  },
  "welcome.recovered": {
    label: "A failing welcome delivery got through",
    audience: "the registration's signer and the provider's owners (its organisation's owners and managers)",
  },
  "order.placed": {
    label: "A new order for an offering you manage",
    audience:
      "an offering's managers (its organisation's owners and managers, offering managers, its provider's owners)",
  },
  "order.approved": {
    label: "Your order was approved",
    audience: "the order's creator and its project's organisation's owners and managers",
  },
  "order.rejected": {
    label: "Your order was rejected",
    audience: "the order's creator and its project's organisation's owners and managers",
  },
  "token.expiring": { label: "Your API token expires within 7 days", audience: "the token's owner" },
} as const;

export type EventKind = keyof typeof EVENT_KINDS;
export const eventKinds = Object.keys(EVENT_KINDS) as EventKind[];
