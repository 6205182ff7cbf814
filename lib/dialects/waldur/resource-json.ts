import type { OfferingComponentRow } from "@/drizzle/schema";
import type { ResourceDetails } from "@/lib/marketplace/resource-queries";
import type { ComponentUsageDetails } from "@/lib/marketplace/usage-queries";
import { hexUuid } from "@/lib/offerings/refs";
import { projectFields } from "./order-json";
import { waldurUrl } from "./urls";

/** A resource as Waldur's Resource: the installation's name and project, the marketplace row's state and limits. */
export function resourceJson(
  origin: string,
  d: ResourceDetails,
  components: Pick<OfferingComponentRow, "billingType">[],
  currentUsages: Record<string, number>,
) {
  const r = d.resource;
  return {
    url: waldurUrl(origin, "marketplace-provider-resources", r.id),
    uuid: hexUuid(r.id),
    name: d.installation.installation,
    slug: d.installation.id,
    created: r.createdAt.toISOString(),
    modified: r.modifiedAt.toISOString(),
    state: r.state,
    backend_id: r.backendId,
    effective_id: r.backendId,
    offering: waldurUrl(origin, "marketplace-public-offerings", d.offering.id),
    offering_uuid: hexUuid(d.offering.id),
    offering_name: d.offering.name,
    offering_slug: d.offering.slug,
    offering_type: d.offering.type,
    offering_shared: d.offering.shared,
    offering_billable: d.offering.billable,
    provider_uuid: hexUuid(d.provider.id),
    provider_name: d.provider.name,
    provider_slug: d.provider.slug,
    category_uuid: hexUuid(d.category.id),
    category_title: d.category.title,
    ...(d.plan ? { plan: waldurUrl(origin, "marketplace-plans", d.plan.id) } : {}),
    plan_uuid: d.plan ? hexUuid(d.plan.id) : null,
    plan_name: d.plan?.name ?? null,
    project: waldurUrl(origin, "projects", d.project.uuid),
    ...projectFields(d.project, d.customer),
    attributes: r.attributes,
    limits: r.limits,
    current_usages: currentUsages,
    resource_uuid: null,
    resource_type: null,
    end_date: null,
    can_terminate: r.state === "OK" || r.state === "Erred",
    is_usage_based: components.some((c) => c.billingType === "usage"),
    is_limit_based: components.some((c) => c.billingType === "limit"),
  };
}

/** A component usage as Waldur's ComponentUsage (`usage` is the usage record's value). */
export function componentUsageJson(origin: string, d: ComponentUsageDetails) {
  return {
    uuid: hexUuid(d.usage.id),
    created: d.usage.createdAt.toISOString(),
    description: d.usage.description,
    type: d.component.type,
    name: d.component.name,
    measured_unit: d.component.measuredUnit,
    usage: d.value ?? 0,
    date: d.usage.date.toISOString(),
    recurring: d.usage.recurring,
    resource_name: d.installation.installation,
    resource_uuid: hexUuid(d.usage.resourceId),
    offering_name: d.offering.name,
    offering_uuid: hexUuid(d.offering.id),
    project_name: d.project.acronym || d.project.title || d.project.id,
    project_uuid: hexUuid(d.project.uuid),
    customer_name: d.customer?.name ?? "",
    customer_uuid: d.customer ? hexUuid(d.customer.id) : "",
    billing_period: d.usage.billingPeriod,
    modified_by: null,
  };
}
