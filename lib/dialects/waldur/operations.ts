import { z } from "zod";
import { createCategoryInput } from "@/lib/categories/schemas";
import { defineOperation } from "@/lib/http/operation";
import { OFFERING_TYPE_NAMES } from "@/lib/offerings/offering-types";
import {
  createOfferingInput,
  OFFERING_STATES,
  offeringUserInput,
  pauseInput,
  updateIntegrationInput,
  updateOfferingInput,
} from "@/lib/offerings/schemas";
import { createCustomerInput } from "@/lib/organisations/customer-schemas";
import { createWaldurUserInput } from "@/lib/service-accounts/schemas";
import { waldurDialect as dialect } from "./errors";
import { pageQuery } from "./paging";
import {
  waldurCategoryOutput,
  waldurCustomerOutput,
  waldurOfferingOutput,
  waldurOfferingUserOutput,
  waldurPlanOutput,
  waldurTokenOutput,
  waldurUserOutput,
} from "./schemas";

// The Waldur dialect (seed 001): DRF-style paths with trailing slashes, `Authorization: Token …`.
const uuidParams = z.object({ uuid: z.string().max(64).describe("The object's uuid (32 hex digits)") });
const tags = {
  customers: ["Waldur: customers"],
  categories: ["Waldur: categories"],
  offerings: ["Waldur: offerings"],
  users: ["Waldur: users"],
};
const one = <T extends z.ZodType>(s: T) => s;
const list = <T extends z.ZodType>(s: T) =>
  z.array(s).describe("One page; `Link` and `X-Result-Count` headers carry paging");

export const listCustomersOperation = defineOperation({
  method: "GET",
  path: "/api/customers/",
  dialect,
  summary: "List customers (organisations) you can see",
  tags: tags.customers,
  auth: "required",
  query: z.object({ ...pageQuery, name: z.string().max(150).optional() }),
  response: list(waldurCustomerOutput),
});
export const createCustomerOperation = defineOperation({
  method: "POST",
  path: "/api/customers/",
  dialect,
  summary: "Create a customer (staff)",
  tags: tags.customers,
  auth: "required",
  body: createCustomerInput,
  response: one(waldurCustomerOutput),
  successStatus: 201,
});
export const getCustomerOperation = defineOperation({
  method: "GET",
  path: "/api/customers/{uuid}/",
  dialect,
  summary: "Read a customer",
  tags: tags.customers,
  auth: "required",
  params: uuidParams,
  response: one(waldurCustomerOutput),
});

export const listCategoriesOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-categories/",
  dialect,
  summary: "List marketplace categories (public)",
  tags: tags.categories,
  auth: "optional",
  query: z.object({ ...pageQuery, title: z.string().max(255).optional() }),
  response: list(waldurCategoryOutput),
});
export const createCategoryOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-categories/",
  dialect,
  summary: "Create a marketplace category (staff)",
  tags: tags.categories,
  auth: "required",
  body: createCategoryInput,
  response: one(waldurCategoryOutput),
  successStatus: 201,
});
export const getCategoryOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-categories/{uuid}/",
  dialect,
  summary: "Read a marketplace category (public)",
  tags: tags.categories,
  auth: "optional",
  params: uuidParams,
  response: one(waldurCategoryOutput),
});

const stateValue = z.enum(OFFERING_STATES, {
  error: (i) => `Select a valid choice. ${String(i.input)} is not one of the available choices.`,
});
export const offeringListQuery = z.object({
  ...pageQuery,
  customer: z.string().max(500).optional().describe("Customer URL"),
  customer_uuid: z.string().max(64).optional(),
  category_uuid: z.string().max(64).optional(),
  state: z
    .union([stateValue, z.array(stateValue)])
    .optional()
    .describe("Draft, Active, Paused or Archived; repeatable"),
  type: z.enum(OFFERING_TYPE_NAMES).optional(),
  name: z.string().max(150).optional().describe("Name contains (case-insensitive)"),
  keyword: z.string().max(150).optional().describe("Name, description or customer name contains"),
  shared: z.enum(["true", "false"]).optional(),
  provider: z.string().max(200).optional().describe("Portico extension: linked provider id"),
  o: z.enum(["name", "-name", "created", "-created", "state", "-state", "type", "-type"]).optional(),
});

export const listOfferingsOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-provider-offerings/",
  dialect,
  summary: "List offerings you can see (anonymous: Active only)",
  tags: tags.offerings,
  auth: "optional",
  query: offeringListQuery,
  response: list(waldurOfferingOutput),
});
export const createOfferingOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-provider-offerings/",
  dialect,
  summary: "Create an offering (as Draft) with components and plans",
  tags: tags.offerings,
  auth: "required",
  body: createOfferingInput,
  response: one(waldurOfferingOutput),
  successStatus: 201,
});
export const getOfferingOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-provider-offerings/{uuid}/",
  dialect,
  summary: "Read an offering",
  tags: tags.offerings,
  auth: "optional",
  params: uuidParams,
  response: one(waldurOfferingOutput),
});
export const updateOfferingOperation = defineOperation({
  method: "PATCH",
  path: "/api/marketplace-provider-offerings/{uuid}/",
  dialect,
  summary: "Update an offering (components, plans and type only in Draft)",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  body: updateOfferingInput,
  response: one(waldurOfferingOutput),
});
export const putOfferingOperation = {
  ...updateOfferingOperation,
  method: "PUT" as const,
  summary: "Update an offering (same rules as PATCH)",
};

const action = (name: string, summary: string, body?: z.ZodType) =>
  defineOperation({
    method: "POST",
    path: `/api/marketplace-provider-offerings/{uuid}/${name}/`,
    dialect,
    summary,
    tags: tags.offerings,
    auth: "required",
    params: uuidParams,
    body,
    successStatus: 201,
  });

export const activateOfferingOperation = action("activate", "Activate (from Draft or Paused; needs a plan) → 201");
export const pauseOfferingOperation = defineOperation({
  ...action("pause", "Pause an Active offering, with a reason → 201"),
  body: pauseInput,
});
export const unpauseOfferingOperation = action("unpause", "Unpause (Paused → Active) → 201");
export const archiveOfferingOperation = action("archive", "Archive (from any state) → 201");
export const draftOfferingOperation = action("draft", "Move back to Draft (from any state) → 201");
export const updateIntegrationOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-provider-offerings/{uuid}/update_integration/",
  dialect,
  summary: "Set plugin options (validated per type) and secret options (sealed)",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  body: updateIntegrationInput,
  successStatus: 200,
});
export const addOfferingUserOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-provider-offerings/{uuid}/add_user/",
  dialect,
  summary: "Grant a user OFFERING.MANAGER on the offering → 201",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  body: offeringUserInput,
  successStatus: 201,
});
export const deleteOfferingUserOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-provider-offerings/{uuid}/delete_user/",
  dialect,
  summary: "Revoke a user's role on the offering",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  body: offeringUserInput.omit({ expiration_time: true }),
  successStatus: 200,
});
export const listOfferingUsersOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-provider-offerings/{uuid}/list_users/",
  dialect,
  summary: "Users with a role on the offering",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  response: z.array(waldurOfferingUserOutput),
});

export const listPublicOfferingsOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-public-offerings/",
  dialect,
  summary: "The public catalogue: Active offerings only",
  tags: tags.offerings,
  auth: "none",
  query: offeringListQuery.omit({ state: true }),
  response: list(waldurOfferingOutput),
});
export const getPublicOfferingOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-public-offerings/{uuid}/",
  dialect,
  summary: "One Active offering of the public catalogue",
  tags: tags.offerings,
  auth: "none",
  params: uuidParams,
  response: one(waldurOfferingOutput),
});
export const getPlanOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-plans/{uuid}/",
  dialect,
  summary: "Read a plan of an offering you can see",
  tags: tags.offerings,
  auth: "optional",
  params: uuidParams,
  response: one(waldurPlanOutput),
});

export const listUsersWaldurOperation = defineOperation({
  method: "GET",
  path: "/api/users/",
  dialect,
  summary: "List users (staff, support; others see themselves)",
  tags: tags.users,
  auth: "required",
  query: z.object({ ...pageQuery, username: z.string().max(128).optional(), email: z.string().max(254).optional() }),
  response: list(waldurUserOutput),
});
export const createUserWaldurOperation = defineOperation({
  method: "POST",
  path: "/api/users/",
  dialect,
  summary: "Create a user or service account (staff)",
  tags: tags.users,
  auth: "required",
  body: createWaldurUserInput,
  response: one(waldurUserOutput),
  successStatus: 201,
});
export const getUserWaldurOperation = defineOperation({
  method: "GET",
  path: "/api/users/{uuid}/",
  dialect,
  summary: "Read a user (staff, support, or yourself)",
  tags: tags.users,
  auth: "required",
  params: uuidParams,
  response: one(waldurUserOutput),
});
export const getUserTokenOperation = defineOperation({
  method: "GET",
  path: "/api/users/{uuid}/token/",
  dialect,
  summary: "A user's API token (staff)",
  tags: tags.users,
  auth: "required",
  params: uuidParams,
  response: one(waldurTokenOutput),
});
export const refreshUserTokenOperation = defineOperation({
  method: "POST",
  path: "/api/users/{uuid}/refresh_token/",
  dialect,
  summary: "Replace a user's API token; the old one stops working (staff or yourself)",
  tags: tags.users,
  auth: "required",
  params: uuidParams,
  response: one(waldurTokenOutput),
  successStatus: 201,
});

export const waldurOperations = [
  listCustomersOperation,
  createCustomerOperation,
  getCustomerOperation,
  listCategoriesOperation,
  createCategoryOperation,
  getCategoryOperation,
  listOfferingsOperation,
  createOfferingOperation,
  getOfferingOperation,
  updateOfferingOperation,
  putOfferingOperation,
  activateOfferingOperation,
  pauseOfferingOperation,
  unpauseOfferingOperation,
  archiveOfferingOperation,
  draftOfferingOperation,
  updateIntegrationOperation,
  addOfferingUserOperation,
  deleteOfferingUserOperation,
  listOfferingUsersOperation,
  listPublicOfferingsOperation,
  getPublicOfferingOperation,
  getPlanOperation,
  listUsersWaldurOperation,
  createUserWaldurOperation,
  getUserWaldurOperation,
  getUserTokenOperation,
  refreshUserTokenOperation,
];
