// GET /api/marketplace-provider-offerings/{uuid}/list_users/ — who holds a role on the offering (its managers)
import { offeringUserJson } from "@/lib/dialects/waldur/misc-json";
import { listOfferingUsersOperation } from "@/lib/dialects/waldur/operations";
import { uuidParam } from "@/lib/dialects/waldur/present";
import { AppError, notFound } from "@/lib/errors/app-error";
import { handle } from "@/lib/http/handle";
import { requestOrigin } from "@/lib/http/origin";
import { offeringAccess } from "@/lib/offerings/access";
import { findOffering, listOfferingUsers } from "@/lib/offerings/queries";

export const GET = handle(listOfferingUsersOperation, async ({ db, actor, params, req }) => {
  const offering = await findOffering(db, uuidParam(params.uuid, "Offering"));
  if (!offering) throw notFound("Offering");
  const access = await offeringAccess(db, actor, offering);
  if (!access.read) throw notFound("Offering");
  if (!access.manage && actor.role !== "support")
    throw new AppError("forbidden", "You do not have permission to perform this action.");
  const origin = requestOrigin(req);
  return { body: (await listOfferingUsers(db, offering.id)).map((r) => offeringUserJson(origin, r)) };
});
