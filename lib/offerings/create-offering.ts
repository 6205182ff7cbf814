import { like } from "drizzle-orm";
import { offerings, type OfferingRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/zod-errors";
import { isOrganisationAdmin } from "@/lib/organisations/queries";
import { requireProviderLink } from "./provider-link";
import { resolveReferences } from "./resolve-references";
import { createOfferingInput, type CreateOfferingInput } from "./schemas";
import { sealSecretOptions } from "./secrets";
import { nextSlug, startsWith } from "./slug";
import { validateIntegration } from "./validate-integration";

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
};
import { fillPlanComponents, writeComponents, writePlans } from "./write-structure";

/** Staff or an owner/manager of the customer creates an offering, always as a Draft. */
export async function createOffering(ctx: ServiceContext, input: CreateOfferingInput): Promise<OfferingRow> {
  const actor = requireUser(ctx.actor);
  const data = parseWith(createOfferingInput, input);
  const errors: FieldErrors = {};
  const refs = await resolveReferences(
    ctx.db,
    { customer: data.customer, category: data.category, provider: data.provider ?? undefined },
    errors,
  );
  try {
    validateIntegration(data.type, data.plugin_options, data.secret_options);
  } catch (e) {
    if (e instanceof AppError && e.fieldErrors) Object.assign(errors, e.fieldErrors);
    else throw e;
  }
  if (Object.keys(errors).length) throw new AppError("validation", "Invalid offering.", errors);
  if (actor.role !== "admin" && !(await isOrganisationAdmin(ctx.db, actor.id, refs.organisationId!)))
    throw new AppError("forbidden", "You do not have permission to create offerings for this customer.");
  await requireProviderLink(ctx.db, actor, refs.providerPk, refs.organisationId!);

  return ctx.db.transaction(async (tx) => {
    const values = {
      name: data.name,
      description: data.description ?? "",
      fullDescription: data.full_description ?? "",
      termsOfService: data.terms_of_service ?? "",
      termsOfServiceLink: data.terms_of_service_link ?? "",
      privacyPolicyLink: data.privacy_policy_link ?? "",
      accessUrl: data.access_url ?? "",
      nativeName: data.native_name ?? "",
      nativeDescription: data.native_description ?? "",
      vendorDetails: data.vendor_details ?? "",
      gettingStarted: data.getting_started ?? "",
      integrationGuide: data.integration_guide ?? "",
      organisationId: refs.organisationId!,
      categoryId: refs.categoryId!,
      providerPk: refs.providerPk ?? null,
      type: data.type,
      shared: data.shared ?? true,
      billable: data.billable ?? true,
      attributes: data.attributes ?? {},
      options: data.options ?? { order: [], options: {} },
      resourceOptions: data.resource_options ?? { order: [], options: {} },
      pluginOptions: data.plugin_options ?? {},
      secretOptions: sealSecretOptions(
        Object.fromEntries(Object.entries(data.secret_options ?? {}).filter(([, v]) => v !== null)),
      ),
      backendId: data.backend_id ?? "",
      country: data.country ?? "",
      latitude: data.latitude ?? null,
      longitude: data.longitude ?? null,
      createdBy: actor.id,
    };
    // Two creates may pick the same free slug at once: retry under a savepoint with the next one.
    let row: OfferingRow | undefined;
    for (let attempt = 0; !row; attempt++) {
      const slug = await nextSlug(data.name, async (p) =>
        (
          await tx
            .select({ slug: offerings.slug })
            .from(offerings)
            .where(like(offerings.slug, startsWith(p)))
        ).map((r) => r.slug),
      );
      try {
        row = await tx.transaction(
          async (sp) =>
            (
              await sp
                .insert(offerings)
                .values({ ...values, slug })
                .returning()
            )[0],
        );
      } catch (e) {
        if (attempt >= 4 || !isUniqueViolation(e)) throw e;
      }
    }
    await writeComponents(tx, row.id, data.components);
    await writePlans(tx, row.id, data.plans);
    await fillPlanComponents(tx, row.id);
    await recordAudit(tx, ctx, {
      action: "offering.create",
      entityType: "offering",
      entityId: row.id,
      summary: {
        name: row.name,
        type: row.type,
        customer: row.organisationId,
        components: data.components.map((c) => c.type),
        plans: data.plans.map((p) => p.name),
      },
    });
    return row;
  });
}
