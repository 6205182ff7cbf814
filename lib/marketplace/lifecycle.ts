import { orderState, orderType, resourceState, type OrderState } from "@/drizzle/schema";

// Waldur's order transitions (marketplace Order's FSM), as the site agent drives them.
export const ORDER_STATES = orderState.enumValues;
export const ORDER_TYPES = orderType.enumValues;
export const RESOURCE_STATES = resourceState.enumValues;

export const ORDER_ACTIONS = [
  "approve_by_provider",
  "reject_by_provider",
  "set_state_executing",
  "set_state_done",
  "set_state_erred",
  "cancel",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

const PENDING: OrderState[] = ["pending-consumer", "pending-provider", "pending-project", "pending-start-date"];

/** Source states per action (`*` = any) and the target state. */
export const ORDER_TRANSITIONS: Record<OrderAction, { from: OrderState[] | "*"; to: OrderState }> = {
  approve_by_provider: { from: ["pending-provider"], to: "executing" },
  reject_by_provider: { from: ["pending-provider"], to: "rejected" },
  set_state_executing: { from: ["pending-consumer", "pending-provider", "erred"], to: "executing" },
  set_state_done: { from: ["executing"], to: "done" },
  set_state_erred: { from: "*", to: "erred" },
  cancel: { from: PENDING, to: "canceled" },
};

export const canOrderTransition = (state: OrderState, action: OrderAction): boolean => {
  const from = ORDER_TRANSITIONS[action].from;
  return from === "*" || from.includes(state);
};

export const TERMINAL_ORDER_STATES: OrderState[] = ["done", "erred", "canceled", "rejected"];
export const isPendingOrder = (state: OrderState) => PENDING.includes(state);
