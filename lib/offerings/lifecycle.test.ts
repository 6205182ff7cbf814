import { describe, expect, it } from "vitest";
import { allowedActions, canTransition, OFFERING_ACTIONS, STATE_CODES, TRANSITIONS } from "./lifecycle";
import { OFFERING_STATES } from "./schemas";

// Waldur's offering state machine, spelled out pair by pair.
const EXPECTED: Record<string, Record<string, boolean>> = {
  Draft: { activate: true, pause: false, unpause: false, archive: true, draft: true },
  Active: { activate: false, pause: true, unpause: false, archive: true, draft: true },
  Paused: { activate: true, pause: false, unpause: true, archive: true, draft: true },
  Archived: { activate: false, pause: false, unpause: false, archive: true, draft: true },
};

describe("offering lifecycle", () => {
  for (const state of OFFERING_STATES)
    for (const action of OFFERING_ACTIONS)
      it(`${action} from ${state} is ${EXPECTED[state][action] ? "allowed" : "refused"}`, () => {
        expect(canTransition(state, action)).toBe(EXPECTED[state][action]);
      });

  it("has Waldur's state codes and targets", () => {
    expect(STATE_CODES).toEqual({ Draft: 1, Active: 2, Paused: 3, Archived: 4 });
    expect(Object.fromEntries(OFFERING_ACTIONS.map((a) => [a, TRANSITIONS[a].to]))).toEqual({
      activate: "Active",
      pause: "Paused",
      unpause: "Active",
      archive: "Archived",
      draft: "Draft",
    });
  });

  it("offers only actions that change the state", () => {
    expect(allowedActions("Draft")).toEqual(["activate", "archive"]);
    expect(allowedActions("Active")).toEqual(["pause", "archive", "draft"]);
    expect(allowedActions("Paused")).toEqual(["activate", "unpause", "archive", "draft"]);
    expect(allowedActions("Archived")).toEqual(["draft"]);
  });
});
