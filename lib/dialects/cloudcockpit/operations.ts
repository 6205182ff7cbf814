import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { cloudcockpitDialect } from "./errors";
import {
  addProviderInstanceWire,
  createCustomerWire,
  createProviderInstanceWire,
  createResellerWire,
  customerInstanceParams,
  customerInstancePricesOut,
  customerOut,
  customerParams,
  customerProviderInstanceOut,
  providerInstanceOut,
  resellerOut,
  resellerQuery,
  tenantHeaders,
  updateMarginsWire,
} from "./schemas";

// Every /v1/ call also needs `X-Tenant: <tenant domain>` (missing → 400 from handle(), unknown → 404) and honours X-Correlation-Id.
const dialect = cloudcockpitDialect;
const tags = ["CloudCockpit"];
const base = { dialect, tags, auth: "required" as const, headers: tenantHeaders };

export const listCustomersOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/Customers",
  summary: "List the tenant's customers (a reseller sees its own; a csp may filter by resellerId)",
  query: resellerQuery,
  response: z.array(customerOut),
});
export const createCustomerOperation = defineOperation({
  ...base,
  method: "POST",
  path: "/v1/Customers",
  summary: "Create a customer (csp: optionally for resellerId; reseller: its own)",
  query: resellerQuery,
  body: createCustomerWire,
  response: customerOut,
  successStatus: 201,
});
export const getCustomerOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/Customers/{customerId}",
  summary: "Read a customer",
  params: customerParams,
  response: customerOut,
});

export const listCustomerProviderInstancesOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/Customers/{customerId}/provider-instances",
  summary: "List a customer's provider instances with their margins",
  params: customerParams,
  response: z.array(customerProviderInstanceOut),
});
export const addCustomerProviderInstanceOperation = defineOperation({
  ...base,
  method: "POST",
  path: "/v1/Customers/{customerId}/provider-instances",
  summary: "Add provider instance to customer (roles csp, reseller; seed 004) → 201 with the new id as a JSON string",
  params: customerParams,
  query: resellerQuery,
  body: addProviderInstanceWire,
  response: z.string(),
  successStatus: 201,
});
export const getCustomerProviderInstanceOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/Customers/{customerId}/provider-instances/{providerInstanceId}",
  summary: "Read one of a customer's provider instances",
  params: customerInstanceParams,
  response: customerProviderInstanceOut,
});
export const updateCustomerProviderInstanceOperation = defineOperation({
  ...base,
  method: "PUT",
  path: "/v1/Customers/{customerId}/provider-instances/{providerInstanceId}",
  summary: "Replace the margins of a customer's provider instance",
  params: customerInstanceParams,
  body: updateMarginsWire,
  response: customerProviderInstanceOut,
});
export const removeCustomerProviderInstanceOperation = defineOperation({
  ...base,
  method: "DELETE",
  path: "/v1/Customers/{customerId}/provider-instances/{providerInstanceId}",
  summary: "Remove a provider instance from a customer",
  params: customerInstanceParams,
  successStatus: 204,
});

export const customerInstancePricesOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/Customers/{customerId}/provider-instances/{providerInstanceId}/prices",
  summary:
    "The customer's effective price of each offering plan the instance sells, after margins (offer-type override, else the instance margin)",
  params: customerInstanceParams,
  response: customerInstancePricesOut,
});

export const listProviderInstancesOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/ProviderInstances",
  summary: "List the tenant's provider instances",
  response: z.array(providerInstanceOut),
});
export const createProviderInstanceOperation = defineOperation({
  ...base,
  method: "POST",
  path: "/v1/ProviderInstances",
  summary: "Configure a provider instance in the tenant (csp); type portico links a Portico provider by providerId",
  body: createProviderInstanceWire,
  response: providerInstanceOut,
  successStatus: 201,
});

export const listResellersOperation = defineOperation({
  ...base,
  method: "GET",
  path: "/v1/Resellers",
  summary: "List the tenant's resellers (a reseller sees itself)",
  response: z.array(resellerOut),
});
export const createResellerOperation = defineOperation({
  ...base,
  method: "POST",
  path: "/v1/Resellers",
  summary: "Add a reseller to the tenant (csp)",
  body: createResellerWire,
  response: resellerOut,
  successStatus: 201,
});

export const cloudcockpitOperations = [
  listCustomersOperation,
  createCustomerOperation,
  getCustomerOperation,
  listCustomerProviderInstancesOperation,
  addCustomerProviderInstanceOperation,
  getCustomerProviderInstanceOperation,
  updateCustomerProviderInstanceOperation,
  removeCustomerProviderInstanceOperation,
  customerInstancePricesOperation,
  listProviderInstancesOperation,
  createProviderInstanceOperation,
  listResellersOperation,
  createResellerOperation,
];
