import { z } from "zod";
import { auditEventOutput, listAuditQuery } from "@/lib/audit/schemas";
import { homeOutput } from "@/lib/dashboard/schemas";
import { defineOperation } from "@/lib/http/operation";
import { apiTokenOutput, createApiTokenInput, createdApiTokenOutput } from "@/lib/tokens/schemas";
import { createUserInput, listUsersQuery, updateUserInput, userOutput } from "@/lib/users/schemas";
import { portalDialect } from "./errors";

const dialect = portalDialect;
const idParams = z.object({ id: z.uuid("Not a valid id.") });
const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), size: z.number() });

export const meOperation = defineOperation({
  method: "GET",
  path: "/api/me",
  dialect,
  summary: "Who the caller is and their roles",
  tags: ["Portal"],
  auth: "required",
  response: userOutput.extend({
    roles: z.array(z.string()),
    authenticatedVia: z.string(),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  }),
});

export const homeOperation = defineOperation({
  method: "GET",
  path: "/api/me/home",
  dialect,
  summary: "The caller's home: what to do next, their providers, offerings, usage this month, tokens, queue",
  tags: ["Portal"],
  auth: "required",
  response: homeOutput,
});

export const listTokensOperation = defineOperation({
  method: "GET",
  path: "/api/tokens",
  dialect,
  summary: "List your API tokens",
  tags: ["Tokens"],
  auth: "required",
  response: z.array(apiTokenOutput),
});
export const createTokenOperation = defineOperation({
  method: "POST",
  path: "/api/tokens",
  dialect,
  summary: "Create a personal API token (the secret is shown once)",
  tags: ["Tokens"],
  auth: "required",
  body: createApiTokenInput,
  response: createdApiTokenOutput,
  successStatus: 201,
});
export const revokeTokenOperation = defineOperation({
  method: "DELETE",
  path: "/api/tokens/{id}",
  dialect,
  summary: "Revoke one of your tokens",
  tags: ["Tokens"],
  auth: "required",
  params: idParams,
  response: apiTokenOutput,
});

export const listUsersOperation = defineOperation({
  method: "GET",
  path: "/api/admin/users",
  dialect,
  summary: "List users (admin, support)",
  tags: ["Users"],
  auth: "required",
  query: listUsersQuery,
  response: paged(userOutput),
});
export const createUserOperation = defineOperation({
  method: "POST",
  path: "/api/admin/users",
  dialect,
  summary: "Create a user or service account (admin)",
  tags: ["Users"],
  auth: "required",
  body: createUserInput,
  response: userOutput,
  successStatus: 201,
});
export const getUserOperation = defineOperation({
  method: "GET",
  path: "/api/admin/users/{id}",
  dialect,
  summary: "Read a user (admin, support)",
  tags: ["Users"],
  auth: "required",
  params: idParams,
  response: userOutput,
});
export const updateUserOperation = defineOperation({
  method: "PATCH",
  path: "/api/admin/users/{id}",
  dialect,
  summary: "Change a user's name, role, password or active flag (admin)",
  tags: ["Users"],
  auth: "required",
  params: idParams,
  body: updateUserInput,
  response: userOutput,
});

export const listAuditOperation = defineOperation({
  method: "GET",
  path: "/api/audit-events",
  dialect,
  summary: "Browse the audit log (admin, support)",
  tags: ["Audit"],
  auth: "required",
  query: listAuditQuery,
  response: paged(auditEventOutput),
});

export const openapiOperation = defineOperation({
  method: "GET",
  path: "/api/openapi.json",
  dialect,
  summary: "This OpenAPI 3.1 document",
  tags: ["Portal"],
  auth: "none",
});

export const portalOperations = [
  meOperation,
  homeOperation,
  listTokensOperation,
  createTokenOperation,
  revokeTokenOperation,
  listUsersOperation,
  createUserOperation,
  getUserOperation,
  updateUserOperation,
  listAuditOperation,
  openapiOperation,
];
