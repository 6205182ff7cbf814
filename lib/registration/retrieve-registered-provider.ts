import type { Actor, ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { ProviderRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { ownsProvider } from "@/lib/providers/access";
import { revealRefreshToken } from "./credentials";
import { findRegisteredProvider } from "./queries";

export type RegisteredProvider = NonNullable<Awaited<ReturnType<typeof findRegisteredProvider>>> & {
  refreshToken: string;
  access: "manage" | "read";
};

/** Who may see a registered provider's registration: its owners and admins manage it, support reads it, nobody else sees it. */
export async function registrationAccess(
  db: Executor,
  actor: Actor,
  provider: ProviderRow,
): Promise<"manage" | "read" | null> {
  if (actor.role === "admin" || (await ownsProvider(db, actor, provider))) return "manage";
  return actor.role === "support" ? "read" : null;
}

/** A registered provider with its refresh token in clear: for its owner and admins only (support sees it masked). */
export async function retrieveRegisteredProvider(ctx: ServiceContext, idOrNumber: string): Promise<RegisteredProvider> {
  const actor = requireUser(ctx.actor);
  const found = await findRegisteredProvider(ctx.db, idOrNumber);
  if (!found) throw notFound("Provider");
  const access = await registrationAccess(ctx.db, actor, found.provider);
  if (!access) throw notFound("Provider");
  if (access === "read") return { ...found, refreshToken: `${found.credentials.refreshPrefix}…`, access };
  return { ...found, refreshToken: revealRefreshToken(found.credentials), access };
}
