import type { OfferingState } from "./schemas";

export const OFFERING_ACTIONS = ["activate", "pause", "unpause", "archive", "draft"] as const;
export type OfferingAction = (typeof OFFERING_ACTIONS)[number];

/** Waldur's transitions: source states per action (`*` = any) and the target state. */
export const TRANSITIONS: Record<OfferingAction, { from: OfferingState[] | "*"; to: OfferingState }> = {
  activate: { from: ["Draft", "Paused"], to: "Active" },
  pause: { from: ["Active"], to: "Paused" },
  unpause: { from: ["Paused"], to: "Active" },
  archive: { from: "*", to: "Archived" },
  draft: { from: "*", to: "Draft" },
};

export const STATE_CODES: Record<OfferingState, number> = { Draft: 1, Active: 2, Paused: 3, Archived: 4 };

export const canTransition = (state: OfferingState, action: OfferingAction): boolean => {
  const from = TRANSITIONS[action].from;
  return from === "*" || from.includes(state);
};

/** The actions the offering page offers for a state. */
export const allowedActions = (state: OfferingState): OfferingAction[] =>
  OFFERING_ACTIONS.filter((a) => canTransition(state, a) && TRANSITIONS[a].to !== state);
