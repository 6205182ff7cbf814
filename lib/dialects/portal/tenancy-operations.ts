import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { addTenantMemberInput, createTenantInput, TENANT_ROLES } from "@/lib/tenancy/schemas";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const tags = ["Tenants"];
const domainParams = z.object({ domain: z.string().min(1).max(253) });

export const tenantOutput = z.object({ id: z.uuid(), domain: z.string(), name: z.string(), createdAt: z.string() });
export const tenantMemberOutput = z.object({
  userId: z.uuid(),
  username: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(TENANT_ROLES),
  resellerId: z.uuid().nullable(),
  resellerName: z.string().nullable(),
  createdAt: z.string(),
});

export const listTenantsOperation = defineOperation({
  method: "GET",
  path: "/api/tenants",
  dialect,
  tags,
  auth: "required",
  summary: "Tenants you may open (all for admins and support)",
  response: z.array(tenantOutput.extend({ role: z.string(), customers: z.number() })),
});
export const createTenantOperation = defineOperation({
  method: "POST",
  path: "/api/tenants",
  dialect,
  tags,
  auth: "required",
  summary: "Create a tenant identified by its domain (admin)",
  body: createTenantInput,
  response: tenantOutput,
  successStatus: 201,
});
export const listTenantMembersOperation = defineOperation({
  method: "GET",
  path: "/api/tenants/{domain}/members",
  dialect,
  tags,
  auth: "required",
  summary: "A tenant's csp and reseller members",
  params: domainParams,
  response: z.array(tenantMemberOutput),
});
export const addTenantMemberOperation = defineOperation({
  method: "POST",
  path: "/api/tenants/{domain}/members",
  dialect,
  tags,
  auth: "required",
  summary: "Give a user a tenant role (admin or csp): csp, or reseller of resellerId (a new reseller when absent)",
  params: domainParams,
  body: addTenantMemberInput,
  response: tenantMemberOutput,
  successStatus: 201,
});
export const removeTenantMemberOperation = defineOperation({
  method: "DELETE",
  path: "/api/tenants/{domain}/members/{userId}",
  dialect,
  tags,
  auth: "required",
  summary: "Remove a user's tenant role (admin or csp)",
  params: domainParams.extend({ userId: z.uuid("Not a valid id.") }),
  successStatus: 204,
});

export const tenancyPortalOperations = [
  listTenantsOperation,
  createTenantOperation,
  listTenantMembersOperation,
  addTenantMemberOperation,
  removeTenantMemberOperation,
];
