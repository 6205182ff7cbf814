// GET /api/customers/ — customers (organisations) you can see (name, name_exact, abbreviation, query, o) · POST — staff create one (Waldur)
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { listVisibleOrganisations, organisationOwners } from "@/lib/organisations/customer-queries";
import { customerJson } from "@/lib/dialects/waldur/misc-json";
import { createCustomerOperation, listCustomersOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";

export const GET = handle(listCustomersOperation, async ({ db, actor, query, req }) => {
  const filter = {
    name: query.name,
    nameExact: query.name_exact,
    abbreviation: query.abbreviation,
    query: query.query,
  };
  const { rows, total } = await listVisibleOrganisations(db, actor, filter, pageWindow(query), query.o);
  const headers = pageHeaders(req, query, total);
  const owners = await organisationOwners(
    db,
    rows.map((r) => r.id),
  );
  const origin = requestOrigin(req);
  const body = rows.map((o) =>
    customerJson(
      origin,
      o,
      owners.filter((x) => x.organisationId === o.id).map((x) => x.user),
    ),
  );
  return { body: selectFields(body, query.field), headers };
});

export const POST = handle(createCustomerOperation, async (ctx) => {
  const row = await createOrganisation(ctx, ctx.body);
  return { status: 201, body: customerJson(requestOrigin(ctx.req), row) };
});
