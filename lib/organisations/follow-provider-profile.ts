import { count, eq } from "drizzle-orm";
import { organisations, providers, type ProviderRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";

/**
 * A registered provider's organisation was made for it at approval (named after the request); while it
 * is that provider's alone, it takes the name and abbreviation the provider admin completes in the
 * profile, so the catalogue and the Waldur customer show the same name as the registry.
 */
export async function followProviderProfile(
  tx: Tx,
  ctx: Pick<ServiceContext, "actor" | "correlationId">,
  provider: ProviderRow,
): Promise<void> {
  if (provider.source !== "registration" || !provider.organisationId) return;
  const [{ n }] = await tx
    .select({ n: count() })
    .from(providers)
    .where(eq(providers.organisationId, provider.organisationId));
  if (n !== 1) return;
  const [current] = await tx.select().from(organisations).where(eq(organisations.id, provider.organisationId));
  const next = { name: (provider.name || provider.id).slice(0, 150), abbreviation: provider.abbreviation.slice(0, 12) };
  if (!current || (current.name === next.name && current.abbreviation === next.abbreviation)) return;
  await tx.update(organisations).set(next).where(eq(organisations.id, current.id));
  await recordAudit(tx, ctx, {
    action: "organisation.update",
    entityType: "organisation",
    entityId: current.id,
    summary: {
      provider: provider.id,
      name: { from: current.name, to: next.name },
      abbreviation: { from: current.abbreviation, to: next.abbreviation },
    },
  });
}
