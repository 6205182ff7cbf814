import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { offeringAccess } from "@/lib/offerings/access";
import type { OfferingDetails, OfferingFilters } from "@/lib/offerings/queries";
import { parseReference, toUuid } from "@/lib/offerings/refs";
import { openSecretOptions } from "@/lib/offerings/secrets";
import { offeringJson } from "./offering-json";
import type { offeringListQuery } from "./operations";

/** A `{uuid}` path parameter as a uuid; anything unparseable is simply not found. */
export function uuidParam(value: string, what: string): string {
  const id = toUuid(value);
  if (!id) throw notFound(what);
  return id;
}

/** Offerings as this actor may see them: plugin options for managers, secrets for owners and staff. */
export async function presentOfferings(
  db: Db,
  actor: Actor | null,
  origin: string,
  details: OfferingDetails[],
  publicView = false,
) {
  return Promise.all(
    details.map(async (d) => {
      const access = publicView
        ? { read: true, manage: false, owner: false }
        : await offeringAccess(db, actor, d.offering);
      return offeringJson(origin, d, {
        plugin: access.manage,
        secrets: access.owner ? openSecretOptions(d.offering.secretOptions) : null,
      });
    }),
  );
}

/** Waldur list filters → the core's filters. An unknown customer/category reference matches nothing. */
export function offeringFilters(q: Partial<z.infer<typeof offeringListQuery>>): OfferingFilters {
  const NONE = "00000000-0000-0000-0000-000000000000";
  const customer = q.customer
    ? (parseReference(q.customer, "customers") ?? NONE)
    : q.customer_uuid
      ? (toUuid(q.customer_uuid) ?? NONE)
      : undefined;
  return {
    organisationId: customer,
    categoryId: q.category_uuid ? (toUuid(q.category_uuid) ?? NONE) : undefined,
    states: q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state],
    type: q.type,
    keyword: q.keyword ?? q.name,
    shared: q.shared === undefined ? undefined : q.shared === "true",
    providerId: q.provider,
    ordering: q.o,
  };
}
