import type { AccountingProjectRow, OrganisationRow } from "@/drizzle/schema";
import type { OrderDetails } from "@/lib/marketplace/order-queries";
import { hexUuid } from "@/lib/offerings/refs";
import { waldurUrl } from "./urls";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Waldur's project fields of an order or resource: an ARGO project seen as Waldur's (name = acronym, else title, else id). */
export function projectFields(project: AccountingProjectRow, customer: OrganisationRow | null) {
  return {
    project_uuid: hexUuid(project.uuid),
    project_name: project.acronym || project.title || project.id,
    project_description: project.title,
    project_slug: project.id,
    ...(customer ? { customer_uuid: hexUuid(customer.id) } : {}),
    customer_name: customer?.name ?? "",
    customer_slug: customer?.slug ?? "",
  };
}

/** An order as Waldur's OrderDetails (the fields Portico has; cost and attachments are not kept). */
export function orderJson(origin: string, d: OrderDetails) {
  const o = d.order;
  const person = (p: OrderDetails["createdBy"]) => ({ username: p?.username ?? null, name: p?.name ?? null });
  const consumer = person(d.consumerReviewedBy);
  const provider = person(d.providerReviewedBy);
  return {
    url: waldurUrl(origin, "marketplace-orders", o.id),
    uuid: hexUuid(o.id),
    created: o.createdAt.toISOString(),
    modified: o.modifiedAt.toISOString(),
    type: o.type,
    state: o.state,
    offering: waldurUrl(origin, "marketplace-public-offerings", d.offering.id),
    offering_uuid: hexUuid(d.offering.id),
    offering_name: d.offering.name,
    offering_description: d.offering.description,
    offering_type: d.offering.type,
    offering_shared: d.offering.shared,
    offering_billable: d.offering.billable,
    offering_plugin_options: {},
    provider_name: d.provider.name,
    provider_uuid: hexUuid(d.provider.id),
    provider_slug: d.provider.slug,
    category_title: d.category.title,
    category_uuid: hexUuid(d.category.id),
    ...(d.plan ? { plan: waldurUrl(origin, "marketplace-plans", d.plan.id) } : {}),
    plan_uuid: d.plan ? hexUuid(d.plan.id) : null,
    plan_name: d.plan?.name ?? null,
    plan_description: d.plan?.description ?? null,
    plan_unit: d.plan?.unit ?? null,
    attributes: o.attributes,
    limits: o.limits,
    cost: null,
    resource_uuid: null,
    resource_type: null,
    resource_name: o.resourceName,
    marketplace_resource_uuid: hexUuid(o.resourceId),
    output: "",
    error_message: o.errorMessage,
    error_traceback: o.errorTraceback,
    callback_url: o.callbackUrl,
    request_comment: o.requestComment,
    termination_comment: o.terminationComment,
    backend_id: o.backendId,
    start_date: null,
    completed_at: iso(o.completedAt),
    created_by_username: d.createdBy?.username ?? "",
    created_by_full_name: d.createdBy?.name ?? "",
    consumer_reviewed_by: consumer.username,
    consumer_reviewed_by_username: consumer.username,
    consumer_reviewed_by_full_name: consumer.name,
    consumer_reviewed_at: iso(o.consumerReviewedAt),
    provider_reviewed_by: provider.username,
    provider_reviewed_by_username: provider.username,
    provider_reviewed_by_full_name: provider.name,
    provider_reviewed_at: iso(o.providerReviewedAt),
    can_terminate: false,
    ...projectFields(d.project, d.customer),
  };
}

/** A project as Waldur's Project: name = acronym (else title, else id), slug = the ARGO project id. */
export function projectJson(origin: string, project: AccountingProjectRow, customer: OrganisationRow | null) {
  const p = projectFields(project, customer);
  return {
    url: waldurUrl(origin, "projects", project.uuid),
    uuid: p.project_uuid,
    name: p.project_name,
    slug: project.id,
    description: project.title,
    customer: customer ? waldurUrl(origin, "customers", customer.id) : null,
    ...(customer ? { customer_uuid: hexUuid(customer.id) } : {}),
    customer_name: p.customer_name,
    customer_slug: p.customer_slug,
    created: project.createdAt.toISOString(),
    start_date: project.startDate,
    end_date: project.endDate,
    backend_id: project.id,
    is_removed: false,
  };
}
