// GET /api/marketplace-provider-offerings/{uuid}/list_users/ — who holds a role on the offering (its managers),
// paged with Link and X-Result-Count, filtered by user, role, username, full_name, search_string; ordered by `o`
import { offeringUserJson } from "@/lib/dialects/waldur/misc-json";
import { listOfferingUsersOperation } from "@/lib/dialects/waldur/operations";
import { pageHeaders, pageWindow, selectFields } from "@/lib/dialects/waldur/paging";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { AppError, notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { offeringAccess } from "@/lib/offerings/access";
import { findOffering, findOfferingUsers } from "@/lib/offerings/queries";
import { toUuid } from "@/lib/offerings/refs";

export const GET = handle(listOfferingUsersOperation, async ({ db, actor, params, query, req }) => {
  const offering = await findOffering(db, uuidParam(params.uuid, "Offering"));
  if (!offering) throw notFound("Offering");
  const access = await offeringAccess(db, actor, offering);
  if (!access.read) throw notFound("Offering");
  if (!access.manage && actor.role !== "support")
    throw new AppError("forbidden", "You do not have permission to perform this action.");
  const filter = {
    // an unparseable user uuid matches nobody, as Waldur's list_users does
    userId: query.user === undefined ? undefined : (toUuid(query.user) ?? "00000000-0000-0000-0000-000000000000"),
    role: query.role,
    username: query.username,
    fullName: query.full_name,
    search: query.search_string,
  };
  const { rows, total } = await findOfferingUsers(db, offering.id, filter, query.o, pageWindow(query));
  const headers = pageHeaders(req, query, total);
  const origin = requestOrigin(req);
  return {
    body: selectFields(
      rows.map((r) => offeringUserJson(origin, r)),
      query.field,
    ),
    headers,
  };
});
