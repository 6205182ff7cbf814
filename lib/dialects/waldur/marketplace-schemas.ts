import { z } from "zod";
import { ORDER_STATES, ORDER_TYPES } from "@/lib/marketplace/lifecycle";

// Response shapes of Waldur's marketplace orders, resources and usages (the site agent's loop).
const str = z.string();
const nstr = z.string().nullable();

const projectOutputFields = {
  project_uuid: str,
  project_name: str,
  project_description: str,
  project_slug: str,
  customer_uuid: str.optional(),
  customer_name: str,
  customer_slug: str,
};

export const waldurOrderOutput = z.strictObject({
  url: str,
  uuid: str,
  created: str,
  modified: str,
  type: z.enum(ORDER_TYPES),
  state: z.enum(ORDER_STATES),
  offering: str,
  offering_uuid: str,
  offering_name: str,
  offering_description: str,
  offering_type: str,
  offering_shared: z.boolean(),
  offering_billable: z.boolean(),
  offering_plugin_options: z.record(z.string(), z.unknown()),
  provider_name: str,
  provider_uuid: str,
  provider_slug: str,
  category_title: str,
  category_uuid: str,
  plan: str.optional(),
  plan_uuid: nstr,
  plan_name: nstr,
  plan_description: nstr,
  plan_unit: nstr,
  attributes: z.record(z.string(), z.unknown()),
  limits: z.record(z.string(), z.number()),
  cost: nstr,
  resource_uuid: nstr,
  resource_type: nstr,
  resource_name: str,
  marketplace_resource_uuid: str,
  output: str,
  error_message: str,
  error_traceback: str,
  callback_url: nstr,
  request_comment: nstr,
  termination_comment: nstr,
  backend_id: str,
  start_date: nstr,
  completed_at: nstr,
  created_by_username: str,
  created_by_full_name: str,
  consumer_reviewed_by: nstr,
  consumer_reviewed_by_username: nstr,
  consumer_reviewed_by_full_name: nstr,
  consumer_reviewed_at: nstr,
  provider_reviewed_by: nstr,
  provider_reviewed_by_username: nstr,
  provider_reviewed_by_full_name: nstr,
  provider_reviewed_at: nstr,
  can_terminate: z.boolean(),
  ...projectOutputFields,
});

export const waldurStatusOutput = z.strictObject({ status: str });

/** Waldur's Project, the fields Portico keeps (an ARGO project of a customer). */
export const waldurProjectOutput = z.strictObject({
  url: str,
  uuid: str,
  name: str,
  slug: str,
  description: str,
  customer: nstr,
  customer_uuid: str.optional(),
  customer_name: str,
  customer_slug: str,
  created: str,
  start_date: nstr,
  end_date: nstr,
  backend_id: str,
  is_removed: z.boolean(),
});
