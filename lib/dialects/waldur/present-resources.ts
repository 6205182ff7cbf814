import { inArray } from "drizzle-orm";
import type { z } from "zod";
import { offeringComponents } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { getResourceDetails, type ResourceDetails, type ResourceFilters } from "@/lib/marketplace/resource-queries";
import { listComponentUsages, usagesInPeriod, type UsageFilters } from "@/lib/marketplace/usage-queries";
import { billingPeriodOf } from "@/lib/marketplace/usage-period";
import { toUuid } from "@/lib/offerings/refs";
import { componentUsageJson, resourceJson } from "./resource-json";
import type { listComponentUsagesOperation, listResourcesOperation } from "./resource-operations";

const NONE = "00000000-0000-0000-0000-000000000000";
const ref = (v: string | undefined) => (v === undefined ? undefined : (toUuid(v) ?? NONE));

/** Waldur's resource filters → the core's. An unknown reference matches nothing. */
export function resourceFilters(q: z.infer<NonNullable<typeof listResourcesOperation.query>>): ResourceFilters {
  return {
    offeringIds: q.offering_uuid?.length ? q.offering_uuid.map((u) => toUuid(u) ?? NONE) : undefined,
    projectUuid: ref(q.project_uuid),
    customerId: ref(q.customer_uuid),
    providerCustomerId: ref(q.provider_uuid),
    backendId: q.backend_id,
    name: q.name,
    nameExact: q.name_exact,
    states: q.state,
    ordering: q.o,
  };
}

export function usageFilters(q: z.infer<NonNullable<typeof listComponentUsagesOperation.query>>): UsageFilters {
  return {
    resourceId: ref(q.resource_uuid),
    offeringId: ref(q.offering_uuid),
    projectUuid: ref(q.project_uuid),
    customerId: ref(q.customer_uuid),
    type: q.type,
    billingPeriod: q.billing_period,
    dateAfter: q.date_after,
    dateBefore: q.date_before,
    ordering: q.o,
  };
}

/** Resources as Waldur's Resource, with their offering's component kinds and this month's usage. */
export async function resourcesJson(db: Executor, origin: string, rows: ResourceDetails[]) {
  const offeringIds = [...new Set(rows.map((r) => r.offering.id))];
  const components = offeringIds.length
    ? await db
        .select({ offeringId: offeringComponents.offeringId, billingType: offeringComponents.billingType })
        .from(offeringComponents)
        .where(inArray(offeringComponents.offeringId, offeringIds))
    : [];
  const usages = await usagesInPeriod(
    db,
    rows.map((r) => r.resource.id),
    billingPeriodOf(new Date()),
  );
  return rows.map((r) =>
    resourceJson(
      origin,
      r,
      components.filter((c) => c.offeringId === r.offering.id),
      usages.get(r.resource.id) ?? {},
    ),
  );
}

export async function presentResource(db: Executor, actor: Actor, origin: string, id: string) {
  const d = await getResourceDetails(db, actor, id);
  if (!d) throw notFound("Resource");
  return (await resourcesJson(db, origin, [d]))[0];
}

export async function presentComponentUsage(db: Executor, actor: Actor, origin: string, id: string) {
  const { rows } = await listComponentUsages(db, actor, { ids: [id] }, { limit: 1, offset: 0 });
  if (!rows[0]) throw notFound("Component usage");
  return componentUsageJson(origin, rows[0]);
}
