import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors/app-error";
import { ownsProvider } from "@/lib/providers/access";
import { revealRefreshToken } from "./credentials";
import { findRegisteredProvider } from "./queries";

export type RegisteredProvider = NonNullable<Awaited<ReturnType<typeof findRegisteredProvider>>> & { refreshToken: string; access: "manage" | "read" };

/** A registered provider with its refresh token in clear: for its owner and admins only (support sees it masked). */
export async function retrieveRegisteredProvider(ctx: ServiceContext, idOrNumber: string): Promise<RegisteredProvider> {
  const actor = requireUser(ctx.actor);
  const found = await findRegisteredProvider(ctx.db, idOrNumber);
  if (!found) throw notFound("Provider");
  const owner = actor.role === "admin" || (await ownsProvider(ctx.db, actor, found.provider));
  if (!owner && actor.role !== "support") throw notFound("Provider");
  if (!owner) return { ...found, refreshToken: `${found.credentials.refreshPrefix}…`, access: "read" };
  return { ...found, refreshToken: revealRefreshToken(found.credentials), access: "manage" };
}
