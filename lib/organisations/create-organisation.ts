import type { OrganisationRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { parseWith } from "@/lib/errors/zod-errors";
import { createCustomerInput, type CreateCustomerInput } from "./customer-schemas";
import { insertOrganisation } from "./insert-organisation";

/** Staff create an organisation (Waldur `POST /api/customers/`). */
export async function createOrganisation(ctx: ServiceContext, input: CreateCustomerInput): Promise<OrganisationRow> {
  requireRole(ctx.actor, "admin");
  const data = parseWith(createCustomerInput, input);
  return ctx.db.transaction(async (tx) => {
    const row = await insertOrganisation(tx, data);
    await recordAudit(tx, ctx, {
      action: "organisation.create",
      entityType: "organisation",
      entityId: row.id,
      summary: { name: row.name, slug: row.slug },
    });
    return row;
  });
}
