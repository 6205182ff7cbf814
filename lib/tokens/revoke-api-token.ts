import { and, eq, isNull } from "drizzle-orm";
import { apiTokens, type ApiTokenRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors/app-error";

/** The owner revokes one of their tokens; it fails at once. Revoking twice is harmless. */
export async function revokeApiToken(ctx: ServiceContext, tokenId: string): Promise<ApiTokenRow> {
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)));
    if (!row) throw notFound("Token");
    if (row.revokedAt) return row;
    const [updated] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning();
    await recordAudit(tx, ctx, {
      action: "token.revoke",
      entityType: "api_token",
      entityId: tokenId,
      summary: { name: row.name, prefix: row.prefix },
    });
    return updated ?? row;
  });
}
