import { z } from "zod";
import { createCategoryInput } from "@/lib/categories/schemas";
import { defineOperation } from "@/lib/http/operation";
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
import { booleanQuery, choicesQuery, fieldQuery, orderingQuery, pageQuery } from "./paging";
import {
  waldurCategoryOutput,
  waldurCustomerOutput,
  waldurDetailStateOutput,
  waldurOfferingOutput,
  waldurOfferingUserOutput,
  waldurPlanOutput,
  waldurRoleExpirationOutput,
  waldurTokenOutput,
  waldurUserOutput,
} from "./schemas";
import { successStatusOf, waldurAnswers } from "./seed-differences";

// The Waldur dialect (seed 001): DRF-style paths with trailing slashes, `Authorization: Token …`. Query
// parameters, statuses and bodies as Waldur's published schema declares them, except the seed differences
// in ./seed-differences.ts.
const uuidParams = z.object({ uuid: z.string().max(64).describe("The object's uuid (32 hex digits)") });
const uuidFilter = (what: string) => z.string().max(64).optional().describe(`${what} uuid`);
const text = (max: number, what: string) => z.string().max(max).optional().describe(what);
const tags = {
  customers: ["Waldur: customers"],
  categories: ["Waldur: categories"],
  offerings: ["Waldur: offerings"],
  users: ["Waldur: users"],
};
const one = <T extends z.ZodType>(s: T) => s;
const list = <T extends z.ZodType>(s: T) =>
  z.array(s).describe("One page; `Link` and `X-Result-Count` headers carry paging");
const retrieveQuery = z.object(fieldQuery);

export const CUSTOMER_ORDERING = ["name", "abbreviation", "created"] as const;
export const listCustomersOperation = defineOperation({
  method: "GET",
  path: "/api/customers/",
  dialect,
  summary: "List customers (organisations) you can see",
  tags: tags.customers,
  auth: "required",
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    name: text(150, "Name contains (case-insensitive)"),
    name_exact: text(150, "Exact name"),
    abbreviation: text(150, "Abbreviation contains"),
    query: text(150, "Name or abbreviation contains"),
    o: orderingQuery(CUSTOMER_ORDERING),
  }),
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
  query: retrieveQuery,
  response: one(waldurCustomerOutput),
});

export const listCategoriesOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-categories/",
  dialect,
  summary: "List marketplace categories (public)",
  tags: tags.categories,
  auth: "optional",
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    title: text(255, "Title contains (case-insensitive)"),
    customer_uuid: uuidFilter("Categories with offerings of this customer:"),
    offering_name: text(150, "Categories with an offering whose name contains this"),
  }),
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
  query: retrieveQuery,
  response: one(waldurCategoryOutput),
});

export const OFFERING_ORDERING = ["name", "created", "state", "type"] as const;
export const offeringListQuery = z.object({
  ...pageQuery,
  ...fieldQuery,
  customer: z.string().max(500).optional().describe("Customer URL"),
  customer_uuid: uuidFilter("Customer"),
  category_uuid: uuidFilter("Category"),
  state: choicesQuery(OFFERING_STATES).describe("Draft, Active, Paused or Archived; repeatable"),
  type: z
    .union([z.string().max(100), z.array(z.string().max(100)).max(50)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .describe("Offering type, e.g. Marketplace.Slurm; repeatable"),
  name: text(150, "Name contains (case-insensitive)"),
  name_exact: text(150, "Exact name"),
  description: text(150, "Description contains"),
  keyword: text(150, "Name, description or the customer's name or abbreviation contains"),
  query: text(150, "Name, slug or description contains"),
  shared: booleanQuery,
  billable: booleanQuery,
  uuid_list: text(3300, "Comma-separated offering uuids"),
  service_manager_uuid: uuidFilter("Offerings this user manages (OFFERING.MANAGER):"),
  provider: z.string().max(200).optional().describe("Portico extension: linked provider id"),
  o: orderingQuery(OFFERING_ORDERING),
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
  query: retrieveQuery,
  response: one(waldurOfferingOutput),
});
export const updateOfferingOperation = defineOperation({
  method: "PATCH",
  path: "/api/marketplace-provider-offerings/{uuid}/",
  dialect,
  summary: "Update an offering (components, plans and type only in Draft; Portico: not in Waldur's schema)",
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

/**
 * A lifecycle action: Waldur answers 200 with `{detail, state}`; `activate/` keeps seed 001's 201 with an empty
 * body unless PORTICO_WALDUR_SUCCESS_CODES=waldur (read per request, so the OpenAPI document follows the setting).
 */
const stateAction = <B extends z.ZodType | undefined = undefined>(name: string, summary: string, body?: B) => {
  const path = `/api/marketplace-provider-offerings/{uuid}/${name}/`;
  const seedActivate = () => name === "activate" && waldurAnswers() === "seed";
  return defineOperation({
    method: "POST",
    path,
    dialect,
    summary,
    tags: tags.offerings,
    auth: "required",
    params: uuidParams,
    body: body as B,
    get successStatus() {
      return successStatusOf(`POST ${path}`, 200);
    },
    get response() {
      return seedActivate() ? undefined : waldurDetailStateOutput;
    },
  });
};

export const activateOfferingOperation = stateAction(
  "activate",
  "Activate (from Draft or Paused; needs a plan) → 201 and no body as in seed 001; with PORTICO_WALDUR_SUCCESS_CODES=waldur 200 {detail, state}",
);
export const pauseOfferingOperation = stateAction(
  "pause",
  "Pause an Active offering, with a reason → 200 {detail, state}",
  pauseInput,
);
export const unpauseOfferingOperation = stateAction("unpause", "Unpause (Paused → Active) → 200 {detail, state}");
export const archiveOfferingOperation = stateAction("archive", "Archive (from any state) → 200 {detail, state}");
export const draftOfferingOperation = stateAction("draft", "Move back to Draft (from any state) → 200 {detail, state}");
export const updateIntegrationOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-provider-offerings/{uuid}/update_integration/",
  dialect,
  summary: "Set plugin options (validated per type), secret options (sealed), service attributes, backend id → 200",
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
  summary: "Grant a user OFFERING.MANAGER on the offering → 201 {expiration_time}",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  body: offeringUserInput,
  response: waldurRoleExpirationOutput,
  successStatus: 201,
});
export const deleteOfferingUserOperation = defineOperation({
  method: "POST",
  path: "/api/marketplace-provider-offerings/{uuid}/delete_user/",
  dialect,
  summary: "Revoke a user's role on the offering → 200",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  body: offeringUserInput,
  successStatus: 200,
});
export const OFFERING_USER_ORDERING = ["created", "expiration_time", "username", "full_name", "email", "role"] as const;
export const listOfferingUsersOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-provider-offerings/{uuid}/list_users/",
  dialect,
  summary: "Users with a role on the offering (paged)",
  tags: tags.offerings,
  auth: "required",
  params: uuidParams,
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    user: uuidFilter("User"),
    role: text(100, "Role name (OFFERING.MANAGER)"),
    username: text(128, "Exact username"),
    full_name: text(150, "Full name contains"),
    search_string: text(150, "Name or e-mail contains"),
    o: orderingQuery(OFFERING_USER_ORDERING),
  }),
  response: list(waldurOfferingUserOutput),
});

export const listPublicOfferingsOperation = defineOperation({
  method: "GET",
  path: "/api/marketplace-public-offerings/",
  dialect,
  summary: "The public catalogue: Active offerings only",
  tags: tags.offerings,
  auth: "none",
  query: offeringListQuery.omit({ service_manager_uuid: true }),
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
  query: retrieveQuery,
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

export const USER_ORDERING = [
  "username",
  "email",
  "full_name",
  "native_name",
  "organization",
  "job_title",
  "phone_number",
  "description",
  "is_active",
  "is_staff",
  "is_support",
  "registration_method",
] as const;
export const listUsersWaldurOperation = defineOperation({
  method: "GET",
  path: "/api/users/",
  dialect,
  summary: "List users (staff, support; others see themselves)",
  tags: tags.users,
  auth: "required",
  query: z.object({
    ...pageQuery,
    ...fieldQuery,
    username: text(128, "Exact username"),
    email: text(254, "E-mail contains"),
    full_name: text(150, "Full name contains"),
    organization: text(150, "Organization contains"),
    job_title: text(150, "Job title contains"),
    query: text(150, "Name, username or e-mail contains"),
    user_keyword: text(150, "Name, username or e-mail contains"),
    is_active: booleanQuery,
    is_staff: booleanQuery,
    is_support: booleanQuery,
    o: orderingQuery(USER_ORDERING),
  }),
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
export const getMeWaldurOperation = defineOperation({
  method: "GET",
  path: "/api/users/me/",
  dialect,
  summary: "The caller, with their offering roles (the site agent's health check)",
  tags: tags.users,
  auth: "required",
  query: retrieveQuery,
  response: one(waldurUserOutput),
});
export const getUserWaldurOperation = defineOperation({
  method: "GET",
  path: "/api/users/{uuid}/",
  dialect,
  summary: "Read a user (staff, support, or yourself)",
  tags: tags.users,
  auth: "required",
  params: uuidParams,
  query: retrieveQuery,
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
  summary:
    "Replace a user's API token; the old one stops working (staff or yourself) → 201 as in seed 001; 200 with PORTICO_WALDUR_SUCCESS_CODES=waldur",
  tags: tags.users,
  auth: "required",
  params: uuidParams,
  response: one(waldurTokenOutput),
  get successStatus() {
    return successStatusOf("POST /api/users/{uuid}/refresh_token/", 200);
  },
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
  getMeWaldurOperation,
  getUserWaldurOperation,
  getUserTokenOperation,
  refreshUserTokenOperation,
];
