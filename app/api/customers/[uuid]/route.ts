// GET /api/customers/{uuid}/ — one customer (members, staff and support)
import { canReadAll } from "@/lib/auth/authorize";
import { customerJson } from "@/lib/dialects/waldur/misc-json";
import { getCustomerOperation } from "@/lib/dialects/waldur/operations";
import { selectFields } from "@/lib/dialects/waldur/paging";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { findOrganisation, organisationOwners } from "@/lib/organisations/customer-queries";
import { organisationsOfUser } from "@/lib/organisations/queries";

export const GET = handle(getCustomerOperation, async ({ db, actor, params, query, req }) => {
  const id = uuidParam(params.uuid, "Customer");
  const org = await findOrganisation(db, id);
  if (!org || (!canReadAll(actor) && !(await organisationsOfUser(db, actor.id)).some((o) => o.id === id)))
    throw notFound("Customer");
  const owners = await organisationOwners(db, [id]);
  const body = customerJson(
    requestOrigin(req),
    org,
    owners.map((o) => o.user),
  );
  return { body: selectFields(body, query.field) };
});
