import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { getOrderDetails, type OrderFilters } from "@/lib/marketplace/order-queries";
import { parseReference, toUuid } from "@/lib/offerings/refs";
import { orderJson } from "./order-json";
import type { listOrdersOperation } from "./order-operations";

const NONE = "00000000-0000-0000-0000-000000000000";
const ref = (v: string | undefined) => (v === undefined ? undefined : (toUuid(v) ?? NONE));

/** Waldur's order filters → the core's. An unknown reference matches nothing. */
export function orderFilters(q: z.infer<NonNullable<typeof listOrdersOperation.query>>): OrderFilters {
  const offering =
    q.offering !== undefined
      ? (parseReference(q.offering, "marketplace-public-offerings") ??
        parseReference(q.offering, "marketplace-provider-offerings") ??
        NONE)
      : ref(q.offering_uuid);
  return {
    offeringId: offering,
    projectUuid: ref(q.project_uuid),
    customerId: ref(q.customer_uuid),
    providerCustomerId: ref(q.provider_uuid),
    resourceId: ref(q.resource_uuid),
    states: q.state,
    types: q.type,
    ordering: q.o,
  };
}

/** One order as Waldur's OrderDetails, or 404 when the actor may not see it. */
export async function presentOrder(db: Executor, actor: Actor, origin: string, id: string) {
  const d = await getOrderDetails(db, actor, id);
  if (!d) throw notFound("Order");
  return orderJson(origin, d);
}
