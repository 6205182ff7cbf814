import { eq, sql } from "drizzle-orm";
import { offeringComponents, offerings, type OfferingRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { requireOfferingAccess } from "./access";
import { lockOffering } from "./load-for-write";
import { requireProviderLink } from "./provider-link";
import { resolveReferences } from "./resolve-references";
import { checkStructure, updateOfferingInput, type UpdateOfferingInput } from "./schemas";
import { fillPlanComponents, writeComponents, writePlans } from "./write-structure";

const COLUMN: Record<string, keyof OfferingRow> = {
  name: "name",
  description: "description",
  full_description: "fullDescription",
  terms_of_service: "termsOfService",
  terms_of_service_link: "termsOfServiceLink",
  privacy_policy_link: "privacyPolicyLink",
  access_url: "accessUrl",
  native_name: "nativeName",
  native_description: "nativeDescription",
  vendor_details: "vendorDetails",
  getting_started: "gettingStarted",
  integration_guide: "integrationGuide",
  shared: "shared",
  billable: "billable",
  attributes: "attributes",
  options: "options",
  resource_options: "resourceOptions",
  backend_id: "backendId",
  country: "country",
  latitude: "latitude",
  longitude: "longitude",
  type: "type",
};
const STRUCTURAL = ["components", "plans", "type"] as const;

/** Managers edit an offering; its structure (components, plans, type) only while it is a Draft. Archived offerings are read-only. */
export async function updateOffering(
  ctx: ServiceContext,
  offeringId: string,
  input: UpdateOfferingInput,
): Promise<OfferingRow> {
  const data = parseWith(updateOfferingInput, input);
  return ctx.db.transaction(async (tx) => {
    const current = await lockOffering(tx, offeringId);
    await requireOfferingAccess(tx, ctx.actor, current, "manage");
    const errors: FieldErrors = {};
    if (current.state === "Archived")
      throw new AppError("bad_request", "Archived offerings cannot be changed. Move the offering back to Draft first.");
    for (const f of STRUCTURAL)
      if (data[f] !== undefined && current.state !== "Draft")
        errors[f] = ["Can be changed only while the offering is in Draft state."];
    const refs = await resolveReferences(tx, { category: data.category, provider: data.provider }, errors);
    if (data.plans && !data.components) {
      const types = (
        await tx
          .select({ type: offeringComponents.type })
          .from(offeringComponents)
          .where(eq(offeringComponents.offeringId, offeringId))
      ).map((r) => r.type);
      const r = updateOfferingInput.superRefine((v, c) => checkStructure(v, c, types)).safeParse(input);
      if (!r.success) for (const i of r.error.issues) (errors[i.path.join(".")] ??= []).push(i.message);
    } else {
      const r = updateOfferingInput.superRefine((v, c) => checkStructure(v, c)).safeParse(input);
      if (!r.success) for (const i of r.error.issues) (errors[i.path.join(".")] ??= []).push(i.message);
    }
    if (Object.keys(errors).length) throw new AppError("validation", "Invalid offering.", errors);
    await requireProviderLink(tx, ctx.actor!, refs.providerPk, current.organisationId);

    const set: Record<string, unknown> = {};
    for (const [k, col] of Object.entries(COLUMN))
      if ((data as Record<string, unknown>)[k] !== undefined) set[col] = (data as Record<string, unknown>)[k];
    if (refs.categoryId) set.categoryId = refs.categoryId;
    if (refs.providerPk !== undefined) set.providerPk = refs.providerPk;
    const [row] = await tx
      .update(offerings)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(offerings.id, offeringId))
      .returning();
    if (data.components) await writeComponents(tx, offeringId, data.components);
    if (data.plans) await writePlans(tx, offeringId, data.plans);
    if (data.components || data.plans) await fillPlanComponents(tx, offeringId);
    const changed = Object.keys(data).filter((k) => (data as Record<string, unknown>)[k] !== undefined);
    await recordAudit(tx, ctx, {
      action: "offering.update",
      entityType: "offering",
      entityId: offeringId,
      summary: { changed },
    });
    return row;
  });
}
