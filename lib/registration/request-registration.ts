import { registrationRequests, type RegistrationRequestRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { encryptSecret, generateToken, tokenDigest } from "@/lib/crypto/tokens";
import { emitEvent } from "@/lib/notifications/emit-event";
import { parseWith } from "@/lib/errors/zod-errors";
import { providerSpecification, REGISTRATION_TTL_MS, type ProviderSpecification } from "./schemas";
import { claimSpecId } from "./spec-id-availability";

export const REGISTRATION_TOKEN_PREFIX = "prq";

export type NewRegistration = {
  specification: ProviderSpecification;
  origin: "integration_module" | "wizard";
  requesterIp?: string;
  details?: { name: string; website: string; abbreviation: string; logo: string };
  /** The wizard's requester signs at once: they are the provider's admin, logged in. */
  signedBy?: string;
};

/**
 * `requestApproval` type "information": anyone (rate-limited) asks to register a provider. Returns the
 * token the integration module shows to its sysadmin; only its digest and ciphertext are stored.
 */
export async function requestRegistration(
  ctx: ServiceContext,
  input: NewRegistration,
): Promise<{ row: RegistrationRequestRow; token: string }> {
  const spec = parseWith(providerSpecification, input.specification, "specification");
  const token = generateToken(REGISTRATION_TOKEN_PREFIX);
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    await claimSpecId(tx, spec.id);
    const [row] = await tx
      .insert(registrationRequests)
      .values({
        tokenDigest: tokenDigest(token),
        tokenCiphertext: encryptSecret(token, "registration-token"),
        origin: input.origin,
        status: input.signedBy ? "signed" : "pending",
        specId: spec.id,
        domain: spec.domain,
        https: spec.https,
        port: spec.port,
        product: spec.product,
        ...(input.details ?? {}),
        requestedBy: ctx.actor?.id ?? null,
        requesterIp: input.requesterIp ?? "",
        signedBy: input.signedBy ?? null,
        signedAt: input.signedBy ? now : null,
        expiresAt: new Date(now.getTime() + REGISTRATION_TTL_MS()),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "registration.request",
      entityType: "registration",
      entityId: row.id,
      summary: {
        specId: spec.id,
        domain: spec.domain,
        https: spec.https,
        port: spec.port,
        origin: input.origin,
        requesterIp: input.requesterIp ?? null,
      },
    });
    if (input.signedBy)
      await recordAudit(tx, ctx, {
        action: "registration.sign",
        entityType: "registration",
        entityId: row.id,
        summary: { specId: spec.id },
      });
    const who = input.signedBy ? ctx.actor?.name || ctx.actor?.username || "its admin" : null;
    await emitEvent(tx, ctx, {
      kind: input.signedBy ? "registration.signed" : "registration.requested",
      subject: { type: "registration", id: row.id },
      title: `${input.signedBy ? "Registration signed, awaiting approval" : "New provider registration request"}: ${row.name || spec.id}`,
      body: who
        ? `${who} asked to register the provider ${spec.id} (${spec.domain}) and signed the request. It waits in the approval queue.`
        : `The integration module at ${spec.domain} asked to register the provider ${spec.id}. Its sysadmin must sign the request before it can be approved.`,
      link: "/approvals",
      data: { registrationId: row.id, specId: spec.id, domain: spec.domain, origin: input.origin },
      audience: { admins: true },
    });
    return { row, token };
  });
}
