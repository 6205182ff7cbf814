import { eq } from "drizzle-orm";
import { organisations, type OrganisationRow } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";
import { isOrganisationAdmin, organisationsOfUser } from "@/lib/organisations/queries";
import { isUuid } from "@/lib/registration/registration-guards";

/**
 * Who may see and change an organisation's webhooks: its owners and managers and federation admins;
 * support reads. Its members and strangers are told it does not exist (nothing to probe).
 */
export async function requireWebhookAccess(
  db: Executor,
  actor: Actor | null,
  organisationId: string,
  mode: "read" | "write",
): Promise<{ actor: Actor; organisation: OrganisationRow }> {
  const a = requireUser(actor);
  const [organisation] = isUuid(organisationId)
    ? await db.select().from(organisations).where(eq(organisations.id, organisationId))
    : [];
  if (!organisation) throw notFound("Organisation");
  if (a.role === "admin" || (await isOrganisationAdmin(db, a.id, organisation.id))) return { actor: a, organisation };
  if (a.role === "support") {
    if (mode === "read") return { actor: a, organisation };
    throw forbidden("Support staff may read but not change webhooks.");
  }
  const member = (await organisationsOfUser(db, a.id)).some((o) => o.id === organisation.id);
  if (member) throw forbidden("Only the organisation's owners and managers manage its webhooks.");
  throw notFound("Organisation");
}
