import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { RESOURCE_STATES } from "@/lib/marketplace/lifecycle";
import { RESOURCE_ORDERING } from "@/lib/marketplace/resource-queries";
import {
  resourceBackendIdInput,
  resourceLimitsInput,
  setUsageInput,
  terminateResourceInput,
} from "@/lib/marketplace/schemas";
import { USAGE_ORDERING } from "@/lib/marketplace/usage-queries";
import { waldurDialect as dialect } from "./errors";
import {
  waldurComponentUsageOutput,
  waldurOrderUuidOutput,
  waldurResourceOutput,
  waldurStatusOutput,
} from "./marketplace-schemas";
import { choicesQuery, fieldQuery, orderingQuery, pageQuery } from "./paging";

// Waldur's marketplace resources and component usages, as the Waldur Site Agent drives them.
const uuidParams = z.object({ uuid: z.string().max(64).describe("The object's uuid (32 hex digits)") });
const uuidFilter = (what: string) => z.string().max(64).optional().describe(`${what} uuid`);
/** Waldur's comma-separated uuid lists (`offering_uuid=a,b`, explode: false), also repeated. */
const uuidList = z
  .union([z.string().max(2000), z.array(z.string().max(2000)).max(50)])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((x) => x.split(","))
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();
const resourceTags = ["Waldur: resources"];
const usageTags = ["Waldur: component usages"];

export const listResourcesOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-provider-resources/",
  dialect,
  summary: "Resources you can see: your customers' projects' and your offerings' (the site agent's list)",
  tags: resourceTags,
  auth: "required",
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    offering_uuid: uuidList.describe("Offering uuids, comma-separated or repeated"),
    project_uuid: uuidFilter("Project"),
    customer_uuid: uuidFilter("The project's customer:"),
    provider_uuid: uuidFilter("The offering's customer:"),
    backend_id: z.string().max(255).optional().describe("The site's id, exactly"),
    name: z.string().max(150).optional().describe("Name contains (case-insensitive)"),
    name_exact: z.string().max(150).optional(),
    state: choicesQuery(RESOURCE_STATES).describe("Resource state; repeatable"),
    o: orderingQuery(RESOURCE_ORDERING),
  }),
  response: z.array(waldurResourceOutput).describe("One page; `Link` and `X-Result-Count` headers carry paging"),
});
export const getResourceOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-provider-resources/{uuid}/",
  dialect,
  summary: "Read a resource",
  tags: resourceTags,
  auth: "required",
  params: uuidParams,
  query: z.object(fieldQuery),
  response: waldurResourceOutput,
});
const resourceAction = <B extends z.ZodType, R extends z.ZodType>(
  name: string,
  summary: string,
  body: B,
  response: R,
) =>
  defineOperation({
    method: "POST",
    path: `/api/marketplace-provider-resources/{uuid}/${name}/`,
    dialect,
    summary,
    tags: resourceTags,
    auth: "required",
    params: uuidParams,
    body,
    response,
  });
export const setResourceBackendIdOperation = resourceAction(
  "set_backend_id",
  "The offering's managers note the site's id for the resource → {status}",
  resourceBackendIdInput,
  waldurStatusOutput,
);
export const setResourceLimitsOperation = resourceAction(
  "set_limits",
  "The offering's managers set the resource's limits as the site has them → {status}",
  resourceLimitsInput,
  waldurStatusOutput,
);
export const terminateResourceOperation = resourceAction(
  "terminate",
  "A Terminate order for the resource (the project's consumers: pending-provider; the offering's managers: executing) → {order_uuid}",
  terminateResourceInput,
  waldurOrderUuidOutput,
);

export const listComponentUsagesOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-component-usages/",
  dialect,
  summary: "Usage set for resources you can see, one row per resource, component and billing period",
  tags: usageTags,
  auth: "required",
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    resource_uuid: uuidFilter("Resource"),
    offering_uuid: uuidFilter("Offering"),
    project_uuid: uuidFilter("Project"),
    customer_uuid: uuidFilter("Customer"),
    type: z.string().max(50).optional().describe("Component type"),
    billing_period: z.iso.date({ error: "Enter a valid date." }).optional().describe("The month's first day"),
    date_after: z.iso.date({ error: "Enter a valid date." }).optional(),
    date_before: z.iso.date({ error: "Enter a valid date." }).optional(),
    o: orderingQuery(USAGE_ORDERING),
  }),
  response: z.array(waldurComponentUsageOutput).describe("One page; `Link` and `X-Result-Count` headers carry paging"),
});
export const getComponentUsageOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-component-usages/{uuid}/",
  dialect,
  summary: "Read a component usage",
  tags: usageTags,
  auth: "required",
  params: uuidParams,
  query: z.object(fieldQuery),
  response: waldurComponentUsageOutput,
});
export const setUsageOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-component-usages/set_usage/",
  dialect,
  summary:
    "The offering's managers set a resource's usage per component for the billing period of `date`: ARGO usage records of its installation; a repeat replaces, never adds (201, no body)",
  tags: usageTags,
  auth: "required",
  body: setUsageInput,
  successStatus: 201,
});

export const resourceOperations = [
  listResourcesOperation,
  getResourceOperation,
  setResourceBackendIdOperation,
  setResourceLimitsOperation,
  terminateResourceOperation,
  listComponentUsagesOperation,
  getComponentUsageOperation,
  setUsageOperation,
];
