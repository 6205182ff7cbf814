import { eq } from "drizzle-orm";
import { providers } from "@/drizzle/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ownsProvider } from "@/lib/providers/access";

/**
 * Linking an offering to a provider says that provider sells it (its CloudCockpit instances price it, its
 * page lists it): staff may link any, others only a provider of the offering's organisation or one they own.
 */
export async function requireProviderLink(
  db: Executor,
  actor: Actor,
  providerPk: string | null | undefined,
  organisationId: string,
): Promise<void> {
  if (!providerPk || actor.role === "admin") return;
  const [provider] = await db.select().from(providers).where(eq(providers.pk, providerPk));
  if (provider && (provider.organisationId === organisationId || (await ownsProvider(db, actor, provider)))) return;
  throw new AppError("validation", "Invalid offering.", {
    provider: ["Link the offering to a provider of its organisation or one you manage."],
  });
}
