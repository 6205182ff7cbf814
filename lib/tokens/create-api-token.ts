import { apiTokens, type ApiTokenRow } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/authorize";
import type { Executor } from "@/lib/db/client";
import { encryptSecret, generateToken, tokenDigest } from "@/lib/crypto/tokens";
import { parseWith } from "@/lib/errors/zod-errors";
import { createApiTokenInput, type CreateApiTokenInput } from "./schemas";

export const API_TOKEN_PREFIX = "ptk";

/**
 * Inserts a token row for `userId`. `keepRecoverable` stores an AES-GCM ciphertext too, for dialects
 * that must show the token again (Waldur `token/`); otherwise only the keyed digest is kept.
 */
export async function insertApiToken(
  tx: Executor,
  userId: string,
  opts: { name: string; expiresAt: Date | null; keepRecoverable?: boolean; token?: string },
): Promise<{ row: ApiTokenRow; token: string }> {
  const token = opts.token ?? generateToken(API_TOKEN_PREFIX);
  const [row] = await tx
    .insert(apiTokens)
    .values({
      userId,
      name: opts.name,
      prefix: token.slice(0, 10),
      digest: tokenDigest(token),
      ciphertext: opts.keepRecoverable ? encryptSecret(token, "api-token") : null,
      expiresAt: opts.expiresAt,
    })
    .returning();
  return { row, token };
}

/** Anyone creates a personal API token; the secret is returned once and never again. */
export async function createApiToken(
  ctx: ServiceContext,
  input: CreateApiTokenInput,
): Promise<{ row: ApiTokenRow; token: string }> {
  const actor = requireUser(ctx.actor);
  const data = parseWith(createApiTokenInput, input);
  const expiresAt = data.expiresInDays === null ? null : new Date(Date.now() + data.expiresInDays * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const created = await insertApiToken(tx, actor.id, { name: data.name, expiresAt });
    await recordAudit(tx, ctx, {
      action: "token.create",
      entityType: "api_token",
      entityId: created.row.id,
      summary: { name: data.name, prefix: created.row.prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
}
