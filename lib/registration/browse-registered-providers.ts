import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { revealRefreshToken } from "./credentials";
import { browseRegisteredProviders } from "./queries";
import type { RegisteredProvider } from "./retrieve-registered-provider";

/** One page of the caller's registered providers; support sees every provider with refresh tokens masked. */
export async function browseRegisteredProviderPage(
  ctx: ServiceContext,
  opts: { after: number; itemsPerPage: number },
): Promise<{ items: RegisteredProvider[]; next: string | null }> {
  const actor = requireUser(ctx.actor);
  const rows = await browseRegisteredProviders(ctx.db, actor, { after: opts.after, limit: opts.itemsPerPage + 1 });
  const page = rows.slice(0, opts.itemsPerPage);
  const masked = actor.role === "support";
  return {
    items: page.map((r) =>
      masked && r.provider.ownerUserId !== actor.id
        ? { ...r, refreshToken: `${r.credentials.refreshPrefix}…`, access: "read" as const }
        : { ...r, refreshToken: revealRefreshToken(r.credentials), access: "manage" as const },
    ),
    next: rows.length > opts.itemsPerPage ? String(page[page.length - 1].provider.resourceNumber) : null,
  };
}
