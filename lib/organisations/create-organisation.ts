import { like } from "drizzle-orm";
import { organisations, type OrganisationRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { parseWith } from "@/lib/errors/zod-errors";
import { nextSlug, startsWith } from "@/lib/offerings/slug";
import { createCustomerInput, type CreateCustomerInput } from "./customer-schemas";

/** Staff create an organisation (Waldur `POST /api/customers/`). */
export async function createOrganisation(ctx: ServiceContext, input: CreateCustomerInput): Promise<OrganisationRow> {
  requireRole(ctx.actor, "admin");
  const data = parseWith(createCustomerInput, input);
  return ctx.db.transaction(async (tx) => {
    const slug = await nextSlug(data.name, async (p) => (await tx.select({ slug: organisations.slug }).from(organisations).where(like(organisations.slug, startsWith(p)))).map((r) => r.slug));
    const [row] = await tx.insert(organisations).values({ ...data, slug }).returning();
    await recordAudit(tx, ctx, { action: "organisation.create", entityType: "organisation", entityId: row.id, summary: { name: row.name, slug } });
    return row;
  });
}
