// GET /api/me — who the caller is (session, API token or provider access token) and their roles
import { meOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";
import { findUserWithOrganisations, toUserOutput } from "@/lib/users/queries";

export const GET = handle(meOperation, async ({ db, actor }) => {
  const { user, organisations } = (await findUserWithOrganisations(db, actor.id))!;
  const roles = [actor.role, ...organisations.map((o) => `organisation:${o.id}:${o.role}`)];
  return {
    body: {
      ...toUserOutput(user),
      roles,
      authenticatedVia: actor.via,
      organisations,
      ...(actor.providerId ? { providerId: actor.providerId } : {}),
    },
  };
});
