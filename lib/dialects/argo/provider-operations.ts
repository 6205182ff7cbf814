import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { createEntitlementInput, aclInput } from "@/lib/providers/entitlement-name";
import { getProvider } from "@/lib/providers/queries";
import { createProviderInput, updateProviderInput } from "@/lib/providers/schemas";
import { argoDialect } from "./errors";
import { argoPageOutput, argoPageQuery } from "./paging";
import { argoMessageOutput, argoProviderOutput, argoSearchProviderOutput } from "./providers";

const dialect = argoDialect;
const tags = ["ARGO accounting: providers"];
// Path segments arrive decoded from Next; decode again only if a raw %XX slipped through (ids never contain '%').
const decoded = (v: string) => {
  try {
    return v.includes("%") ? decodeURIComponent(v) : v;
  } catch {
    return v;
  }
};
const segment = (name: string) =>
  z
    .string()
    .transform(decoded)
    .pipe(z.string().trim().min(1, `${name} is required.`).max(500));
const providerParams = z.object({ provider_id: segment("provider_id") });
const aclParams = z.object({
  project_id: segment("project_id"),
  provider_id: segment("provider_id"),
  who: segment("who"),
});
const aclListParams = aclParams.omit({ who: true });
const entitlementParams = z.object({ id: segment("id") });
const assignParams = z.object({ id: segment("id"), actor_id: segment("actor_id") });

// A search node is validated by lib/search (it names the bad field, operand or operator); here it is any JSON object.
const searchBody = z
  .record(z.string(), z.unknown())
  .describe(
    "A search DSL node: {type:'query', field, values, operand} or {type:'filter', operator:'AND'|'OR', criteria:[…]}",
  );

export const createProviderOperation = defineOperation({
  method: "POST",
  path: "/accounting-system/providers",
  dialect,
  summary: "Register a provider (you become its creator)",
  tags,
  auth: "required",
  body: createProviderInput,
  response: argoProviderOutput,
  successStatus: 201,
});
export const listProvidersOperation = defineOperation({
  method: "GET",
  path: "/accounting-system/providers",
  dialect,
  summary: "Every provider, catalogue and API-registered, paged",
  tags,
  auth: "required",
  query: argoPageQuery,
  response: argoPageOutput(argoProviderOutput),
});
export const getProviderOperation = defineOperation({
  method: "GET",
  path: "/accounting-system/providers/{provider_id}",
  dialect,
  summary: "Fetch a provider",
  tags,
  auth: "required",
  params: providerParams,
  response: argoProviderOutput,
});
export const updateProviderOperation = defineOperation({
  method: "PATCH",
  path: "/accounting-system/providers/{provider_id}",
  dialect,
  summary:
    "Partially update a provider (empty or null values are ignored; catalogue providers and providers that belong to a project are refused)",
  tags,
  auth: "required",
  params: providerParams,
  lookup: (db, p) => getProvider(db, p.provider_id),
  body: updateProviderInput,
  response: argoProviderOutput,
});
export const deleteProviderOperation = defineOperation({
  method: "DELETE",
  path: "/accounting-system/providers/{provider_id}",
  dialect,
  summary: "Delete a provider (catalogue providers and providers that belong to a project are refused)",
  tags,
  auth: "required",
  params: providerParams,
  response: argoMessageOutput,
});
export const searchProvidersOperation = defineOperation({
  method: "POST",
  path: "/accounting-system/providers/search",
  dialect,
  summary: "Search providers with the JSON search DSL (needs the Provider ACL permission)",
  tags,
  auth: "required",
  query: argoPageQuery,
  body: searchBody,
  response: argoPageOutput(argoSearchProviderOutput),
});
export const importCatalogueOperation = defineOperation({
  method: "POST",
  path: "/accounting-system/admin/providers/import",
  dialect,
  summary: "Import the provider catalogue now (admin)",
  tags,
  auth: "required",
  response: argoMessageOutput.extend({
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    skipped: z.array(z.string()),
    invalid: z.array(z.number()),
    source: z.string(),
  }),
});

const accessTags = ["ARGO accounting: access control"];
const entitlementOutput = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string(),
  project_id: z.string(),
  provider_id: z.string(),
  role: z.string(),
  created_at: z.string(),
  actors: z.array(z.object({ id: z.string(), username: z.string().nullable() })),
});
export const createEntitlementOperation = defineOperation({
  method: "POST",
  path: "/accounting-system/admin/entitlements",
  dialect,
  summary: "Create an entitlement {namespace}:group:accounting:{project_id}:{provider_id}:role={role} (admin)",
  tags: accessTags,
  auth: "required",
  body: createEntitlementInput,
  response: argoMessageOutput,
  successStatus: 201,
});
export const listEntitlementsOperation = defineOperation({
  method: "GET",
  path: "/accounting-system/admin/entitlements",
  dialect,
  summary: "List entitlements and who holds them (admin, support)",
  tags: accessTags,
  auth: "required",
  query: argoPageQuery.extend({ provider_id: z.string().max(100).optional() }),
  response: argoPageOutput(entitlementOutput),
});
export const deleteEntitlementOperation = defineOperation({
  method: "DELETE",
  path: "/accounting-system/admin/entitlements/{id}",
  dialect,
  summary: "Delete an entitlement and the grants it gave (admin)",
  tags: accessTags,
  auth: "required",
  params: entitlementParams,
  response: argoMessageOutput,
});
export const assignEntitlementOperation = defineOperation({
  method: "POST",
  path: "/accounting-system/admin/entitlements/{id}/assign/{actor_id}",
  dialect,
  summary: "Assign an entitlement to a client/actor (admin)",
  tags: accessTags,
  auth: "required",
  params: assignParams,
  response: argoMessageOutput,
});
export const unassignEntitlementOperation = defineOperation({
  method: "DELETE",
  path: "/accounting-system/admin/entitlements/{id}/assign/{actor_id}",
  dialect,
  summary: "Take an entitlement back from a client/actor (admin)",
  tags: accessTags,
  auth: "required",
  params: assignParams,
  response: argoMessageOutput,
});
export const setAclOperation = defineOperation({
  method: "POST",
  path: "/accounting-system/projects/{project_id}/providers/{provider_id}/acl/{who}",
  dialect,
  summary: "Grant roles to a client on a provider of a project (older ACL form)",
  tags: accessTags,
  auth: "required",
  params: aclParams,
  body: aclInput,
  response: argoMessageOutput,
});
export const deleteAclOperation = defineOperation({
  method: "DELETE",
  path: "/accounting-system/projects/{project_id}/providers/{provider_id}/acl/{who}",
  dialect,
  summary: "Remove a client's ACL roles on a provider of a project",
  tags: accessTags,
  auth: "required",
  params: aclParams,
  response: argoMessageOutput,
});
export const listAclOperation = defineOperation({
  method: "GET",
  path: "/accounting-system/projects/{project_id}/providers/{provider_id}/acl",
  dialect,
  summary: "Who has which roles on a provider of a project",
  tags: accessTags,
  auth: "required",
  params: aclListParams,
  query: argoPageQuery,
  response: argoPageOutput(z.object({ who: z.string(), username: z.string().nullable(), roles: z.array(z.string()) })),
});

export const argoProviderOperations = [
  createProviderOperation,
  listProvidersOperation,
  getProviderOperation,
  updateProviderOperation,
  deleteProviderOperation,
  searchProvidersOperation,
  importCatalogueOperation,
  createEntitlementOperation,
  listEntitlementsOperation,
  deleteEntitlementOperation,
  assignEntitlementOperation,
  unassignEntitlementOperation,
  setAclOperation,
  deleteAclOperation,
  listAclOperation,
];
