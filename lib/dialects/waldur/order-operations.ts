import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { ORDER_STATES, ORDER_TYPES } from "@/lib/marketplace/lifecycle";
import { ORDER_ORDERING } from "@/lib/marketplace/order-queries";
import { erredOrderInput, orderBackendIdInput, placeOrderInput, rejectOrderInput } from "@/lib/marketplace/schemas";
import { waldurDialect as dialect } from "./errors";
import { waldurOrderOutput, waldurStatusOutput } from "./marketplace-schemas";
import { choicesQuery, fieldQuery, orderingQuery, pageQuery } from "./paging";

// Waldur's marketplace orders (`/api/marketplace-orders/`), as the Waldur Site Agent drives them.
const uuidParams = z.object({ uuid: z.string().max(64).describe("The order's uuid (32 hex digits)") });
const uuidFilter = (what: string) => z.string().max(64).optional().describe(`${what} uuid`);
const tags = ["Waldur: orders"];

export const listOrdersOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-orders/",
  dialect,
  summary: "Orders you can see: your customers' projects' (consumer) and your offerings' (provider)",
  tags,
  auth: "required",
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    offering: z.string().max(500).optional().describe("Offering URL"),
    offering_uuid: uuidFilter("Offering"),
    project_uuid: uuidFilter("Project"),
    customer_uuid: uuidFilter("The project's customer:"),
    provider_uuid: uuidFilter("The offering's customer (the service provider):"),
    resource_uuid: uuidFilter("Resource"),
    state: choicesQuery(ORDER_STATES).describe("Order state; repeatable"),
    type: choicesQuery(ORDER_TYPES).describe("Create, Update, Terminate or Restore; repeatable"),
    o: orderingQuery(ORDER_ORDERING),
  }),
  response: z.array(waldurOrderOutput).describe("One page; `Link` and `X-Result-Count` headers carry paging"),
});
export const placeOrderOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-orders/",
  dialect,
  summary: "Order an Active offering's plan for a project (a member of the project's customer) → pending-provider",
  tags,
  auth: "required",
  body: placeOrderInput,
  response: waldurOrderOutput,
  successStatus: 201,
});
export const getOrderOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-orders/{uuid}/",
  dialect,
  summary: "Read an order",
  tags,
  auth: "required",
  params: uuidParams,
  query: z.object(fieldQuery),
  response: waldurOrderOutput,
});

const action = <B extends z.ZodType | undefined = undefined, R extends z.ZodType | undefined = undefined>(
  name: string,
  summary: string,
  opts: { body?: B; response?: R; successStatus?: number } = {},
) =>
  defineOperation({
    method: "POST",
    path: `/api/marketplace-orders/{uuid}/${name}/`,
    dialect,
    summary,
    tags,
    auth: "required",
    params: uuidParams,
    body: opts.body as B,
    response: opts.response as R,
    successStatus: opts.successStatus ?? 200,
  });

export const approveOrderOperation = action(
  "approve_by_provider",
  "The offering's managers approve a pending-provider order → executing; a Create order's resource (an accounting installation) is made",
  { response: z.string() },
);
export const rejectOrderOperation = action(
  "reject_by_provider",
  "The offering's managers reject a pending-provider order → rejected, with an optional reason",
  { body: rejectOrderInput },
);
export const setOrderExecutingOperation = action(
  "set_state_executing",
  "pending-consumer, pending-provider or erred → executing (the offering's managers)",
);
export const setOrderDoneOperation = action(
  "set_state_done",
  "executing → done; the resource becomes OK (Terminated for a Terminate order)",
);
export const setOrderErredOperation = action(
  "set_state_erred",
  "Any state → erred, with the site's error message and traceback; the resource becomes Erred",
  { body: erredOrderInput },
);
export const cancelOrderOperation = action(
  "cancel",
  "The project's consumers cancel a pending order → canceled (202)",
  {
    successStatus: 202,
  },
);
export const setOrderBackendIdOperation = action(
  "set_backend_id",
  "The offering's managers note the site's id for the order → {status}",
  { body: orderBackendIdInput, response: waldurStatusOutput },
);

export const orderOperations = [
  listOrdersOperation,
  placeOrderOperation,
  getOrderOperation,
  approveOrderOperation,
  rejectOrderOperation,
  setOrderExecutingOperation,
  setOrderDoneOperation,
  setOrderErredOperation,
  cancelOrderOperation,
  setOrderBackendIdOperation,
];
