import { eq } from "drizzle-orm";
import {
  organisationMembers,
  providers,
  registrationRequests,
  type ProviderRow,
  type WelcomeOutboxRow,
} from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { insertOrganisation } from "@/lib/organisations/insert-organisation";
import { insertProviderCredentials, newProviderKeyPair } from "./credentials";
import { findRegistrationByToken } from "./queries";
import { isUuid, requireOpen, unknownToken } from "./registration-guards";
import { claimSpecId } from "./spec-id-availability";
import { decryptSecret } from "@/lib/crypto/tokens";
import { enqueueWelcome, welcomeUrl } from "./welcome-outbox";
import { emitEvent } from "@/lib/notifications/emit-event";

/**
 * An admin approves a signed request: the provider row (source "registration", owner = the signer), its
 * organisation (the Waldur customer its offerings belong to, with the signer as owner), its credentials
 * and the welcome message are created in one transaction. Delivery happens afterwards, through the
 * outbox, so a failed welcome never undoes the approval.
 */
export async function approveRegistration(
  ctx: ServiceContext,
  ref: { token: string } | { id: string },
): Promise<{ provider: ProviderRow; outbox: WelcomeOutboxRow }> {
  requireRole(ctx.actor, "admin");
  const keys = await newProviderKeyPair(); // slow; kept outside the transaction
  return ctx.db.transaction(async (tx) => {
    const found =
      "token" in ref
        ? await findRegistrationByToken(tx, ref.token)
        : isUuid(ref.id)
          ? (await tx.select().from(registrationRequests).where(eq(registrationRequests.id, ref.id)))[0]
          : undefined;
    if (!found) throw unknownToken();
    const [row] = await tx
      .select()
      .from(registrationRequests)
      .where(eq(registrationRequests.id, found.id))
      .for("update");
    requireOpen(row);
    if (row.status !== "signed" || !row.signedBy) {
      throw new AppError(
        "conflict",
        "This registration request has not been signed yet: the provider's sysadmin must open the link and sign it first.",
        undefined,
        { type: "NOT_SIGNED" },
      );
    }
    await claimSpecId(tx, row.specId, row.id);
    const organisation = await insertOrganisation(tx, {
      name: (row.name || row.specId).slice(0, 150),
      abbreviation: row.abbreviation.slice(0, 12),
    });
    await tx
      .insert(organisationMembers)
      .values({ organisationId: organisation.id, userId: row.signedBy, role: "owner" });
    const [provider] = await tx
      .insert(providers)
      .values({
        id: row.specId,
        name: row.name || row.specId,
        website: row.website,
        abbreviation: row.abbreviation,
        logo: row.logo,
        creatorId: row.signedBy,
        source: "registration",
        ownerUserId: row.signedBy,
        organisationId: organisation.id,
        domain: row.domain,
        https: row.https,
        port: row.port,
        product: row.product,
      })
      .returning();
    const { refreshToken, row: creds } = await insertProviderCredentials(tx, provider.pk, row.specId, keys);
    const token = decryptSecret(row.tokenCiphertext, "registration-token");
    const outbox = await enqueueWelcome(tx, {
      providerPk: provider.pk,
      registrationId: row.id,
      url: welcomeUrl({ id: row.specId, domain: row.domain, https: row.https, port: row.port }),
      payload: { token, createdProvider: { refreshToken, publicKey: creds.publicKey } },
      correlationId: ctx.correlationId,
    });
    await tx
      .update(registrationRequests)
      .set({
        status: "approved",
        decidedBy: ctx.actor!.id,
        decidedAt: new Date(),
        providerPk: provider.pk,
        updatedAt: new Date(),
      })
      .where(eq(registrationRequests.id, row.id));
    await recordAudit(tx, ctx, {
      action: "organisation.create",
      entityType: "organisation",
      entityId: organisation.id,
      summary: { name: organisation.name, slug: organisation.slug, provider: row.specId, owner: row.signedBy },
    });
    await recordAudit(tx, ctx, {
      action: "registration.approve",
      entityType: "registration",
      entityId: row.id,
      summary: { specId: row.specId, providerId: provider.id, resourceId: provider.resourceNumber },
    });
    await recordAudit(tx, ctx, {
      action: "provider.create",
      entityType: "provider",
      entityId: provider.id,
      summary: {
        source: "registration",
        domain: row.domain,
        https: row.https,
        port: row.port,
        owner: row.signedBy,
        refreshTokenPrefix: creds.refreshPrefix,
      },
    });
    await emitEvent(tx, ctx, {
      kind: "registration.approved",
      subject: { type: "provider", id: provider.id },
      organisationId: organisation.id,
      title: `Provider registration approved: ${provider.name}`,
      body: `The provider ${provider.name} (${row.specId}, ${row.domain}) is registered. Its integration module receives its credentials; you are the owner of its organisation ${organisation.name}.`,
      link: `/providers/${encodeURIComponent(provider.id)}`,
      data: { registrationId: row.id, providerId: provider.id, organisationId: organisation.id, domain: row.domain },
      audience: { users: [row.signedBy, row.requestedBy] },
    });
    return { provider, outbox };
  });
}
