import { z } from "zod";

// Response shapes of the Waldur dialect (seed 001): they document the API and tests parse responses with them.
const str = z.string();
const nstr = z.string().nullable();
const nnum = z.number().nullable();
const optionsBlock = z.object({ order: z.array(z.string()), options: z.record(z.string(), z.unknown()) });

export const waldurComponentOutput = z.strictObject({
  uuid: str, billing_type: str, type: str, name: str, description: str, measured_unit: str, unit_factor: z.number(),
  limit_period: nstr, limit_amount: nnum, article_code: str, max_value: nnum, min_value: nnum, max_available_limit: nnum,
  is_boolean: z.boolean(), default_limit: nnum, factor: nnum, is_builtin: z.boolean(),
});

export const waldurPlanOutput = z.strictObject({
  url: str, uuid: str, name: str, description: str, article_code: str, max_amount: nnum, archived: z.boolean(), is_active: z.boolean(),
  unit_price: str, unit: str, init_price: z.number(), switch_price: z.number(), backend_id: str, organization_groups: z.array(z.unknown()),
  prices: z.record(z.string(), z.number()), future_prices: z.record(z.string(), nnum), quotas: z.record(z.string(), z.number()), resources_count: z.number(),
});

export const waldurOfferingOutput = z.strictObject({
  url: str, uuid: str, created: str, name: str, slug: str, description: str, full_description: str, terms_of_service: str,
  terms_of_service_link: str, privacy_policy_link: str, access_url: str, endpoints: z.array(z.unknown()), roles: z.array(z.unknown()),
  customer: str, customer_uuid: str, customer_name: str, project: z.null(), category: str, category_uuid: str, category_title: str,
  attributes: z.record(z.string(), z.unknown()), options: optionsBlock, resource_options: optionsBlock, components: z.array(waldurComponentOutput),
  plugin_options: z.record(z.string(), z.unknown()), secret_options: z.record(z.string(), z.unknown()), service_attributes: z.record(z.string(), z.unknown()),
  state: z.enum(["Draft", "Active", "Paused", "Archived"]), state_code: z.number(), native_name: str, native_description: str, vendor_details: str,
  getting_started: str, integration_guide: str, thumbnail: z.null(), order_count: z.number(), plans: z.array(waldurPlanOutput),
  screenshots: z.array(z.unknown()), type: str, shared: z.boolean(), billable: z.boolean(), scope: z.null(), files: z.array(z.unknown()),
  paused_reason: str, datacite_doi: str, citation_count: z.number(), latitude: nnum, longitude: nnum, country: str, backend_id: str,
  organization_groups: z.array(z.unknown()), image: z.null(), backend_metadata: z.record(z.string(), z.unknown()),
  provider: nstr.describe("Portico extension: the linked provider's id"),
});

export const waldurCustomerOutput = z.strictObject({
  url: str, uuid: str, created: str, name: str, display_name: str, slug: str, abbreviation: str, native_name: str, email: str,
  phone_number: str, country: str, homepage: str, domain: str, backend_id: str, image: z.null(), blocked: z.boolean(), archived: z.boolean(),
  owners: z.array(z.object({ url: str, uuid: str, username: str, full_name: str, email: str })),
});

export const waldurCategoryOutput = z.strictObject({
  url: str, uuid: str, title: str, description: str, icon: nstr, offering_count: z.number(), available_offerings_count: z.number(),
  sections: z.array(z.unknown()), columns: z.array(z.unknown()), components: z.array(z.unknown()), articles: z.array(z.unknown()), group: z.null(),
});

export const waldurUserOutput = z.strictObject({
  url: str, uuid: str, username: str, slug: str, full_name: str, native_name: str, job_title: str, email: str, phone_number: str,
  organization: str, civil_number: nstr, description: str, is_staff: z.boolean(), is_active: z.boolean(), is_support: z.boolean(),
  registration_method: str, date_joined: str, agreement_date: nstr, preferred_language: str, permissions: z.array(z.record(z.string(), z.unknown())),
  requested_email: nstr, affiliations: z.array(z.unknown()), first_name: str, last_name: str, identity_provider_name: str,
  identity_provider_label: str, identity_provider_management_url: str, identity_provider_fields: z.array(z.unknown()), image: z.null(), identity_source: str,
});

export const waldurTokenOutput = z.strictObject({
  created: str, token: str, user_first_name: str, user_is_active: z.boolean(), user_last_name: str, user_token_lifetime: nstr, user_username: str,
});

export const waldurOfferingUserOutput = z.strictObject({
  uuid: str, created: str, expiration_time: nstr, role_name: str, user: str, user_uuid: str, user_username: str, user_full_name: str, user_email: str,
});
