import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { offeringAccess } from "@/lib/offerings/access";
import type { OfferingDetails, OfferingFilters } from "@/lib/offerings/queries";
import { parseReference, toUuid } from "@/lib/offerings/refs";
import { openSecretOptions } from "@/lib/offerings/secrets";
import { offeringJson } from "./offering-json";
import { successStatusOf } from "./seed-differences";
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

/** Waldur list filters → the core's filters. An unknown customer/category/user reference matches nothing. */
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
    states: q.state,
    type: q.type,
    name: q.name,
    nameExact: q.name_exact,
    description: q.description,
    keyword: q.keyword,
    query: q.query,
    shared: q.shared,
    billable: q.billable,
    ids: q.uuid_list === undefined ? undefined : q.uuid_list.split(",").map((u) => toUuid(u.trim()) ?? NONE),
    managerUserId: q.service_manager_uuid === undefined ? undefined : (toUuid(q.service_manager_uuid) ?? NONE),
    providerId: q.provider,
    ordering: q.o,
  };
}

/** Waldur's answer to a lifecycle action: DetailState (activate/ keeps seed 001's empty answer by default). */
export function stateChanged(operation: string, row: { state: string }) {
  if (successStatusOf(operation, 200) !== 200) return {};
  return { body: { detail: "Offering state updated.", state: row.state } };
}
